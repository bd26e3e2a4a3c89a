package io.github.vciconnector.session;

import io.github.vciconnector.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link SessionStore} must do (STYLE §7), run against each implementation. Times are short real
 * durations: the in-memory store moves a {@link MutableClock}, Redis sleeps, because its TTLs follow its own clock.
 * Races alternate between {@link #store()} and {@link #otherReplica()}, two stores sharing one state.
 */
public abstract class SessionStoreContract {

    /** The retention every store under test is built with. */
    protected static final Duration RETENTION = Duration.ofMillis(600);
    protected static final Duration TTL = Duration.ofMillis(400);
    /** Longer than {@link #TTL} by a margin that survives a busy machine. */
    protected static final Duration PAST_TTL = Duration.ofMillis(550);

    protected abstract SessionStore store();

    protected abstract Clock clock();

    /** A second store on the same state, as another replica sees it; the same store when there is only one. */
    protected SessionStore otherReplica() {
        return store();
    }

    private SessionStore replica(int caller) {
        return caller % 2 == 0 ? store() : otherReplica();
    }

    /** Lets {@code duration} pass for the store. */
    protected abstract void elapse(Duration duration);

    protected IssuanceSession offer(Duration ttl) {
        return TestSessions.offer(clock().instant(), ttl);
    }

    protected static String unique() {
        return UUID.randomUUID().toString();
    }

    @Test
    void findByIdWhenCreatedThenEqualSession() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        assertThat(store().findById(session.offerId())).contains(session);
    }

    @Test
    void findByIdWhenSessionAdvancedThenEveryFieldKept() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        var later = session.tokenIssued("jkt-1", clock().instant().plusNanos(123_456_789), session.expiresAt());
        assertThat(store().update(later, session.version())).isTrue();
        var ended = later.ended(OfferStatus.FAILED, "tx_code entered wrongly 5 times", clock().instant());
        assertThat(store().update(ended, later.version())).isTrue();
        assertThat(store().findById(session.offerId())).contains(ended);
    }

    @Test
    void transitionWhenAnotherReplicaWinsEveryRaceThenUnavailableAndNothingOfOursWritten() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);

        // Each attempt reads, then another replica writes before our compare-and-set: 16 lost races in a row.
        assertThatThrownBy(() -> store().transition(session.offerId(), current -> {
            otherReplica().update(current.withoutClaims(), current.version());
            return Optional.of(current.tokenIssued("ours", clock().instant(), current.expiresAt()));
        })).isInstanceOf(SessionStoreUnavailableException.class);

        assertThat(store().findById(session.offerId()).orElseThrow().status()).isEqualTo(OfferStatus.OFFER_CREATED);
    }

    @Test
    void createWhenOfferIdTakenThenIllegalState() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        assertThatThrownBy(() -> store().create(session)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void findByIdWhenUnknownThenEmpty() {
        assertThat(store().findById(unique())).isEmpty();
    }

    @Test
    void findByPreAuthorizedCodeWhenLookedUpTwiceThenNotConsumed() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        assertThat(store().findByPreAuthorizedCode(session.preAuthorizedCodeHash())).contains(session);
        assertThat(store().findByPreAuthorizedCode(session.preAuthorizedCodeHash())).contains(session);
    }

    @Test
    void redeemWhenCodeAlreadyRedeemedThenFalse() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        assertThat(store().redeemPreAuthorizedCode(session.preAuthorizedCodeHash())).isTrue();
        assertThat(store().redeemPreAuthorizedCode(session.preAuthorizedCodeHash())).isFalse();
        assertThat(store().findByPreAuthorizedCode(session.preAuthorizedCodeHash())).isEmpty();
        assertThat(store().findById(session.offerId())).contains(session);
    }

    @Test
    void redeemWhenOfferExpiredThenFalse() {
        var session = offer(TTL);
        store().create(session);
        elapse(PAST_TTL);
        assertThat(store().findByPreAuthorizedCode(session.preAuthorizedCodeHash())).isEmpty();
        assertThat(store().redeemPreAuthorizedCode(session.preAuthorizedCodeHash())).isFalse();
    }

    @Test
    void findByIdWhenExpiredThenReadableUntilRetentionPassed() {
        var session = offer(TTL);
        store().create(session);
        elapse(PAST_TTL);
        assertThat(store().findById(session.offerId())).contains(session);
        elapse(RETENTION.plusMillis(100));
        assertThat(store().findById(session.offerId())).isEmpty();
    }

    @Test
    void updateWhenVersionStaleThenFalseAndUnchanged() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        var first = session.tokenIssued("jkt-1", clock().instant(), session.expiresAt());
        assertThat(store().update(first, session.version())).isTrue();
        assertThat(store().update(session.tokenIssued("jkt-2", clock().instant(), session.expiresAt()), session.version())).isFalse();
        assertThat(store().findById(session.offerId())).contains(first);
    }

    @Test
    void updateWhenSessionUnknownThenFalse() {
        var session = offer(Duration.ofMinutes(5));
        assertThat(store().update(session.tokenIssued("jkt", clock().instant(), session.expiresAt()), session.version())).isFalse();
        assertThat(store().findById(session.offerId())).isEmpty();
    }

    @Test
    void updateWhenAppliedThenRetainedFromTheLastChange() {
        var session = offer(TTL);
        store().create(session);
        elapse(PAST_TTL);
        assertThat(store().update(session.tokenIssued("jkt", clock().instant(), session.expiresAt()), session.version())).isTrue();
        elapse(RETENTION.minusMillis(100));
        assertThat(store().findById(session.offerId())).as("kept past expiry + retention: it changed later").isPresent();
        elapse(Duration.ofMillis(250));
        assertThat(store().findById(session.offerId())).isEmpty();
    }

    @Test
    void findExpiredOffersWhenExpiryPassedThenListedUntilEnded() {
        var session = offer(TTL);
        store().create(session);
        assertThat(store().findExpiredOffers(clock().instant(), 1000)).doesNotContain(session.offerId());
        Instant later = clock().instant().plus(PAST_TTL);
        assertThat(store().findExpiredOffers(later, 1000)).contains(session.offerId());
        assertThat(store().update(session.ended(OfferStatus.EXPIRED, "expired", clock().instant()), session.version())).isTrue();
        assertThat(store().findExpiredOffers(later, 1000)).doesNotContain(session.offerId());
    }

    @Test
    void findExpiredOffersWhenIssuedWithClaimsKeptThenListedUntilClaimsDropped() {
        var session = offer(TTL);
        store().create(session);
        var token = session.tokenIssued("jkt", clock().instant(), session.expiresAt());
        assertThat(store().update(token, session.version())).isTrue();
        var issued = token.issued(1, clock().instant(), "n", token.expiresAt());
        assertThat(store().update(issued, token.version())).isTrue();
        Instant later = clock().instant().plus(PAST_TTL);
        // Repeat requests keep the claims of an ISSUED offer until its token expires: the sweeper must find it then.
        assertThat(store().findExpiredOffers(later, 1000)).contains(session.offerId());
        assertThat(store().update(issued.withoutClaims(), issued.version())).isTrue();
        assertThat(store().findExpiredOffers(later, 1000)).doesNotContain(session.offerId());
        assertThat(store().findById(session.offerId()).orElseThrow().claims()).isNull();
    }

    @Test
    void findDueCallbacksWhenPendingThenListedUntilDelivered() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        assertThat(store().findDueCallbacks(clock().instant(), 1000)).contains(session.offerId());
        var delivered = session.withCallback(session.nextPendingCallback().orElseThrow().delivered());
        assertThat(store().update(delivered, session.version())).isTrue();
        assertThat(store().findDueCallbacks(clock().instant(), 1000)).doesNotContain(session.offerId());
    }

    @Test
    void findDueWhenSessionDeletedThenNotListed() {
        var session = offer(TTL);
        store().create(session);
        store().delete(session.offerId());
        Instant later = clock().instant().plus(PAST_TTL);
        assertThat(store().findDueCallbacks(later, 1000)).doesNotContain(session.offerId());
        assertThat(store().findExpiredOffers(later, 1000)).doesNotContain(session.offerId());
    }

    @Test
    void findDueWhenLimitedThenEarliestFirst() {
        var first = offer(Duration.ofMillis(100));
        var second = offer(Duration.ofMillis(200));
        store().create(second);
        store().create(first);
        Instant later = clock().instant().plus(PAST_TTL);
        var due = store().findExpiredOffers(later, 1000);
        assertThat(due).containsSubsequence(first.offerId(), second.offerId());
    }

    @Test
    void findByAccessTokenWhenIndexedThenSessionUntilTtl() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        String token = unique();
        store().indexAccessToken(token, session.offerId(), TTL);
        assertThat(store().findByAccessToken(token)).contains(session);
        elapse(PAST_TTL);
        assertThat(store().findByAccessToken(token)).isEmpty();
    }

    @Test
    void findByAccessTokenWhenSessionDeletedThenEmpty() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        String token = unique();
        store().indexAccessToken(token, session.offerId(), Duration.ofMinutes(1));
        store().delete(session.offerId());
        assertThat(store().findByAccessToken(token)).isEmpty();
        assertThat(store().findById(session.offerId())).isEmpty();
    }

    @Test
    void markUsedWhenSeenBeforeThenFalseUntilTtlPassed() {
        String jti = unique();
        assertThat(store().markUsed("dpop-jti", jti, TTL)).isTrue();
        assertThat(store().markUsed("dpop-jti", jti, TTL)).isFalse();
        assertThat(store().markUsed("c_nonce", jti, TTL)).as("namespaces are separate").isTrue();
        elapse(PAST_TTL);
        assertThat(store().markUsed("dpop-jti", jti, TTL)).isTrue();
    }

    @Test
    void consumeWhenRememberedThenTrueOnce() {
        String nonce = unique();
        store().remember("c_nonce", nonce, Duration.ofMinutes(1));
        assertThat(store().consume("c_nonce", nonce)).isTrue();
        assertThat(store().consume("c_nonce", nonce)).isFalse();
    }

    @Test
    void consumeWhenNeverRememberedOrExpiredThenFalse() {
        String nonce = unique();
        assertThat(store().consume("c_nonce", nonce)).isFalse();
        store().remember("c_nonce", nonce, TTL);
        elapse(PAST_TTL);
        assertThat(store().consume("c_nonce", nonce)).isFalse();
    }

    @Test
    void incrementWhenRepeatedThenCountsFromOneWithinTheFirstTtl() {
        String key = unique();
        Duration ttl = Duration.ofMillis(700);
        assertThat(store().increment("tx-code-failures", key, ttl)).isEqualTo(1);
        elapse(Duration.ofMillis(400));
        assertThat(store().increment("tx-code-failures", key, ttl)).as("the TTL is not extended").isEqualTo(2);
        elapse(Duration.ofMillis(450));
        assertThat(store().increment("tx-code-failures", key, ttl)).isEqualTo(1);
    }

    @Test
    void putIfAbsentWhenPresentThenExistingValueUntilTtlPassed() {
        String key = unique();
        assertThat(store().putIfAbsent("idempotency", key, "offer-1", TTL)).isNull();
        assertThat(store().putIfAbsent("idempotency", key, "offer-2", TTL)).isEqualTo("offer-1");
        elapse(PAST_TTL);
        assertThat(store().putIfAbsent("idempotency", key, "offer-3", TTL)).isNull();
        assertThat(store().putIfAbsent("idempotency", key, "offer-4", TTL)).isEqualTo("offer-3");
    }

    @Test
    void deleteWhenSessionDeletedThenNotFound() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        store().delete(session.offerId());
        assertThat(store().findById(session.offerId())).isEqualTo(Optional.empty());
    }

    @Test
    void redeemWhen20CallersRaceThenExactlyOneWins() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        var results = Race.run(20, i -> replica(i).redeemPreAuthorizedCode(session.preAuthorizedCodeHash()));
        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    void markUsedWhen20CallersRaceThenExactlyOneWins() {
        String jti = unique();
        var results = Race.run(20, i -> replica(i).markUsed("dpop-jti", jti, Duration.ofMinutes(1)));
        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    void consumeWhen20CallersRaceThenExactlyOneWins() {
        String nonce = unique();
        store().remember("c_nonce", nonce, Duration.ofMinutes(1));
        var results = Race.run(20, i -> replica(i).consume("c_nonce", nonce));
        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    void updateWhen20CallersRaceOnOneVersionThenExactlyOneWins() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        var results = Race.run(20, i -> replica(i).update(session.tokenIssued("jkt-" + i, clock().instant(), session.expiresAt()), session.version()));
        assertThat(results).containsOnlyOnce(true);
        String winner = "jkt-" + results.indexOf(true);
        assertThat(store().findById(session.offerId())).get().extracting(IssuanceSession::dpopJkt).isEqualTo(winner);
    }

    @Test
    void incrementWhen20CallersRaceThenEveryCountSeenOnce() {
        String key = unique();
        var results = Race.run(20, i -> {
            var counts = new ArrayList<Long>();
            for (int n = 0; n < 5; n++) counts.add(replica(i).increment("tx-code-failures", key, Duration.ofMinutes(1)));
            return counts;
        });
        var all = results.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(100).doesNotHaveDuplicates().allMatch(n -> n >= 1 && n <= 100);
    }

    @Test
    void putIfAbsentWhen20CallersRaceThenOneStores() {
        String key = unique();
        var results = Race.run(20, i -> replica(i).putIfAbsent("idempotency", key, "offer-" + i, Duration.ofMinutes(1)));
        assertThat(results).containsOnlyOnce((String) null);
        String stored = "offer-" + results.indexOf(null);
        assertThat(results).filteredOn(Objects::nonNull).containsOnly(stored);
    }
}
