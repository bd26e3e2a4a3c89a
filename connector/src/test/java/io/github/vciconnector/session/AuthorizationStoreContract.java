package io.github.vciconnector.session;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link AuthorizationStore} contract, run by the in-memory and the Redis adapter: create once, read back
 * exactly, compare-and-set, and one winner when many replicas take the same step at once (DESIGN §10: request_uri,
 * decision and code are each single use).
 */
public abstract class AuthorizationStoreContract {

    /** Two views of one store (two replicas in Redis); the same instance twice in memory. */
    protected abstract AuthorizationStore replica(int index);

    protected abstract Clock clock();

    protected static String newId() {
        return TestSessions.newOfferId().value(); // the same 128-bit base64url shape
    }

    protected Authorization pushed(String id, String offerId) {
        Instant now = clock().instant();
        return Authorization.pushed(id, "wallet-1", "https://wallet.example/cb", "state-1", "c".repeat(43), "j".repeat(43),
                "IdentityCredential", "identity_credential", true, offerId, now, now.plusSeconds(60));
    }

    @Test
    void findWhenCreatedThenSameRecordOnEveryReplica() {
        var record = pushed(newId(), TestSessions.newOfferId().value());
        replica(0).create(record);

        assertThat(replica(1).findById(record.authorizationId())).contains(record);
    }

    @Test
    void createWhenIdTakenThenRefused() {
        var record = pushed(newId(), null);
        replica(0).create(record);

        assertThatThrownBy(() -> replica(1).create(record)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void findWhenNeverCreatedThenEmpty() {
        assertThat(replica(0).findById(new AuthorizationId(newId()))).isEmpty();
    }

    @Test
    void updateWhenVersionStaleThenNothingWritten() {
        var record = pushed(newId(), null);
        replica(0).create(record);
        var pending = record.pending(clock().instant().plusSeconds(600));
        assertThat(replica(0).update(pending, 0)).isTrue();

        assertThat(replica(1).update(record.pending(clock().instant().plusSeconds(5)), 0)).isFalse();
        assertThat(replica(1).findById(record.authorizationId())).contains(pending);
    }

    @Test
    void transitionWhenManyReplicasRaceThenExactlyOneWins() {
        var record = pushed(newId(), null);
        replica(0).create(record);
        var pending = record.pending(clock().instant().plusSeconds(600));
        replica(0).update(pending, 0);
        var winners = new AtomicInteger();

        Race.run(8, caller -> replica(caller % 2).transition(record.authorizationId(), current ->
                current.status() == AuthorizationStatus.PENDING
                        ? Optional.of(current.completed(TestSessions.newOfferId().value(), clock().instant().plusSeconds(60))) : Optional.empty())
                .map(written -> winners.incrementAndGet()));

        assertThat(winners.get()).isEqualTo(1);
        assertThat(replica(0).findById(record.authorizationId()).orElseThrow().status()).isEqualTo(AuthorizationStatus.COMPLETED);
    }

    @Test
    void findWhenStepExpiredThenStillReadUntilRetention() {
        Instant now = clock().instant();
        var expired = Authorization.pushed(newId(), "wallet-1", "https://wallet.example/cb", null, "c".repeat(43), "j".repeat(43),
                "IdentityCredential", null, false, null, now.minusSeconds(120), now.minusSeconds(60));
        replica(0).create(expired);

        var found = replica(1).findById(expired.authorizationId()).orElseThrow();

        assertThat(found.isExpired(now)).isTrue();
        assertThat(found.retainUntil()).isEqualTo(expired.expiresAt().plus(Authorization.RETENTION));
    }

    @Test
    void findWhenRedeemedThenTokenIndexKept() {
        var record = pushed(newId(), TestSessions.newOfferId().value());
        replica(0).create(record);
        var redeemed = record.pending(clock().instant().plusSeconds(60)).completed(record.offerId(), clock().instant().plusSeconds(60))
                .redeemed(TestSessions.newTokenHash().value(), clock().instant().plus(Duration.ofMinutes(5)));
        assertThat(replica(0).update(redeemed, 0)).isTrue();

        assertThat(replica(1).findById(record.authorizationId()).orElseThrow().accessTokenIndex()).isEqualTo(redeemed.accessTokenIndex());
    }
}
