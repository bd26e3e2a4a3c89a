package io.github.vciconnector.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every adapter's {@link OfferStore} must do: compare-and-set, the code and token indexes, the due indexes. */
public abstract class OfferStoreContract extends PortContract<OfferStore> {

    @Test
    void findByIdWhenCreatedThenEqualSession() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        assertThat(store().findById(session.id())).contains(session);
    }

    @Test
    void findByIdWhenSessionAdvancedThenEveryFieldKept() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        var later = session.tokenIssued("jkt-1", clock().instant().plusNanos(123_456_789), session.expiresAt());
        assertThat(store().update(later, session.version())).isTrue();
        var ended = later.ended(OfferStatus.FAILED, "tx_code entered wrongly 5 times", clock().instant());
        assertThat(store().update(ended, later.version())).isTrue();
        assertThat(store().findById(session.id())).contains(ended);
    }

    @Test
    void transitionWhenAnotherReplicaWinsEveryRaceThenUnavailableAndNothingOfOursWritten() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);

        // Each attempt reads, then another replica writes before our compare-and-set: 16 lost races in a row.
        assertThatThrownBy(() -> store().transition(session.id(), current -> {
            otherReplica().update(current.withoutClaims(), current.version());
            return Optional.of(current.tokenIssued("ours", clock().instant(), current.expiresAt()));
        })).isInstanceOf(SessionStoreUnavailableException.class);

        assertThat(store().findById(session.id()).orElseThrow().status()).isEqualTo(OfferStatus.OFFER_CREATED);
    }

    @Test
    void createWhenOfferIdTakenThenIllegalState() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        assertThatThrownBy(() -> store().create(session)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void findByIdWhenUnknownThenEmpty() {
        assertThat(store().findById(TestSessions.newOfferId())).isEmpty();
    }

    @Test
    void findByPreAuthorizedCodeWhenLookedUpTwiceThenNotConsumed() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        assertThat(store().findByPreAuthorizedCode(session.codeHash())).contains(session);
        assertThat(store().findByPreAuthorizedCode(session.codeHash())).contains(session);
    }

    @Test
    void redeemWhenCodeAlreadyRedeemedThenFalse() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        assertThat(store().redeemPreAuthorizedCode(session.codeHash())).isTrue();
        assertThat(store().redeemPreAuthorizedCode(session.codeHash())).isFalse();
        assertThat(store().findByPreAuthorizedCode(session.codeHash())).isEmpty();
        assertThat(store().findById(session.id())).contains(session);
    }

    @Test
    void redeemWhenOfferExpiredThenFalse() {
        var session = offer(TTL);
        store().create(session);
        elapse(PAST_TTL);
        assertThat(store().findByPreAuthorizedCode(session.codeHash())).isEmpty();
        assertThat(store().redeemPreAuthorizedCode(session.codeHash())).isFalse();
    }

    @Test
    void findByIdWhenExpiredThenReadableUntilRetentionPassed() {
        var session = offer(TTL);
        store().create(session);
        elapse(PAST_TTL);
        assertThat(store().findById(session.id())).contains(session);
        elapse(RETENTION.plusMillis(100));
        assertThat(store().findById(session.id())).isEmpty();
    }

    @Test
    void updateWhenVersionStaleThenFalseAndUnchanged() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        var first = session.tokenIssued("jkt-1", clock().instant(), session.expiresAt());
        assertThat(store().update(first, session.version())).isTrue();
        assertThat(store().update(session.tokenIssued("jkt-2", clock().instant(), session.expiresAt()), session.version())).isFalse();
        assertThat(store().findById(session.id())).contains(first);
    }

    @Test
    void updateWhenSessionUnknownThenFalse() {
        var session = offer(Duration.ofMinutes(5));
        assertThat(store().update(session.tokenIssued("jkt", clock().instant(), session.expiresAt()), session.version())).isFalse();
        assertThat(store().findById(session.id())).isEmpty();
    }

    @Test
    void updateWhenAppliedThenRetainedFromTheLastChange() {
        var session = offer(TTL);
        store().create(session);
        elapse(PAST_TTL);
        assertThat(store().update(session.tokenIssued("jkt", clock().instant(), session.expiresAt()), session.version())).isTrue();
        elapse(RETENTION.minusMillis(100));
        assertThat(store().findById(session.id())).as("kept past expiry + retention: it changed later").isPresent();
        elapse(Duration.ofMillis(250));
        assertThat(store().findById(session.id())).isEmpty();
    }

    @Test
    void findExpiredOffersWhenExpiryPassedThenListedUntilEnded() {
        var session = offer(TTL);
        store().create(session);
        assertThat(store().findExpiredOffers(clock().instant(), 1000)).doesNotContain(session.id());
        Instant later = clock().instant().plus(PAST_TTL);
        assertThat(store().findExpiredOffers(later, 1000)).contains(session.id());
        assertThat(store().update(session.ended(OfferStatus.EXPIRED, "expired", clock().instant()), session.version())).isTrue();
        assertThat(store().findExpiredOffers(later, 1000)).doesNotContain(session.id());
    }

    @Test
    void findExpiredOffersWhenIssuedWithClaimsKeptThenListedUntilMinimised() {
        var session = offer(TTL);
        store().create(session);
        var token = session.tokenIssued("jkt", clock().instant(), session.expiresAt());
        assertThat(store().update(token, session.version())).isTrue();
        var issued = token.issued(TestSessions.entries(1), clock().instant(), clock().instant(), "n", token.expiresAt());
        assertThat(store().update(issued, token.version())).isTrue();
        Instant later = clock().instant().plus(PAST_TTL);
        // Repeat requests keep the claims of an ISSUED offer until its token expires: the sweeper must find it then.
        assertThat(store().findExpiredOffers(later, 1000)).contains(session.id());
        var withoutClaims = issued.withoutClaims();
        assertThat(store().update(withoutClaims, issued.version())).isTrue();
        // DESIGN §9: still listed, so the sweeper also drops what names the wallet once the token expired
        assertThat(store().findExpiredOffers(later, 1000)).contains(session.id());
        assertThat(store().update(withoutClaims.minimised(), withoutClaims.version())).isTrue();
        assertThat(store().findExpiredOffers(later, 1000)).doesNotContain(session.id());
        var kept = store().findById(session.id()).orElseThrow();
        assertThat(kept.claims()).isNull();
        assertThat(kept.dpopJkt()).isNull();
        assertThat(kept.notificationId()).isNull();
        assertThat(kept.txCodeHash()).isNull();
        assertThat(kept.statusReferences()).isEqualTo(issued.statusReferences());
    }

    @Test
    void findDueCallbacksWhenPendingThenListedUntilDelivered() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        assertThat(store().findDueCallbacks(clock().instant(), 1000)).contains(session.id());
        var delivered = session.withOutbox(session.outbox().with(session.outbox().nextPending().orElseThrow().delivered()));
        assertThat(store().update(delivered, session.version())).isTrue();
        assertThat(store().findDueCallbacks(clock().instant(), 1000)).doesNotContain(session.id());
    }

    @Test
    void findDueWhenSessionGoneThenNotListed() {
        var session = offer(TTL);
        store().create(session);
        fixture().forget(session.offerId());
        Instant later = clock().instant().plus(PAST_TTL);
        assertThat(store().findDueCallbacks(later, 1000)).doesNotContain(session.id());
        assertThat(store().findExpiredOffers(later, 1000)).doesNotContain(session.id());
    }

    @Test
    void findDueWhenLimitedThenEarliestFirst() {
        var first = offer(Duration.ofMillis(100));
        var second = offer(Duration.ofMillis(200));
        store().create(second);
        store().create(first);
        Instant later = clock().instant().plus(PAST_TTL);
        var due = store().findExpiredOffers(later, 1000);
        assertThat(due).containsSubsequence(first.id(), second.id());
    }

    @Test
    void findByAccessTokenWhenIndexedThenSessionUntilTtl() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        TokenHash token = TestSessions.newTokenHash();
        store().indexAccessToken(token, session.id(), TTL);
        assertThat(store().findByAccessToken(token)).contains(session);
        elapse(PAST_TTL);
        assertThat(store().findByAccessToken(token)).isEmpty();
    }

    @Test
    void findByAccessTokenWhenSessionGoneThenEmpty() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        TokenHash token = TestSessions.newTokenHash();
        store().indexAccessToken(token, session.id(), Duration.ofMinutes(1));
        fixture().forget(session.offerId());
        assertThat(store().findByAccessToken(token)).isEmpty();
        assertThat(store().findById(session.id())).isEmpty();
    }

    @Test
    void redeemWhen20CallersRaceThenExactlyOneWins() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        var results = Race.run(20, i -> replica(i).redeemPreAuthorizedCode(session.codeHash()));
        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    void updateWhen20CallersRaceOnOneVersionThenExactlyOneWins() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        var results = Race.run(20, i -> replica(i).update(session.tokenIssued("jkt-" + i, clock().instant(), session.expiresAt()), session.version()));
        assertThat(results).containsOnlyOnce(true);
        String winner = "jkt-" + results.indexOf(true);
        assertThat(store().findById(session.id())).get().extracting(IssuanceSession::dpopJkt).isEqualTo(winner);
    }

    @Test
    void redeemWhenVersionCurrentThenSessionRedeemedAndTokenNamesIt() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        TokenHash token = TestSessions.newTokenHash();
        var redeemed = session.tokenIssued("jkt", clock().instant(), session.expiresAt());
        assertThat(store().redeem(redeemed, session.version(), token, Duration.ofMinutes(1))).isTrue();
        assertThat(otherReplica().findByAccessToken(token)).contains(redeemed);
        assertThat(otherReplica().findById(session.id())).contains(redeemed);
    }

    @Test
    void redeemWhenVersionStaleThenFalseAndTokenNamesNothing() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        assertThat(store().update(session.withoutClaims(), session.version())).isTrue();
        TokenHash token = TestSessions.newTokenHash();
        assertThat(store().redeem(session.tokenIssued("jkt", clock().instant(), session.expiresAt()), session.version(),
                token, Duration.ofMinutes(1))).isFalse();
        assertThat(store().findByAccessToken(token)).isEmpty();
        assertThat(store().findById(session.id()).orElseThrow().status()).isEqualTo(OfferStatus.OFFER_CREATED);
    }

    @Test
    void redeemWhen20CallersRaceThenExactlyOneTokenWorks() {
        var session = offer(Duration.ofMinutes(5));
        store().create(session);
        List<TokenHash> tokens = IntStream.range(0, 20).mapToObj(i -> TestSessions.newTokenHash()).toList();
        var results = Race.run(20, i -> replica(i).redeem(session.id(), current -> current.status() == OfferStatus.OFFER_CREATED
                ? Optional.of(current.tokenIssued("jkt-" + i, clock().instant(), current.expiresAt())) : Optional.empty(),
                tokens.get(i), Duration.ofMinutes(1)).isPresent());
        assertThat(results).containsOnlyOnce(true);
        int winner = results.indexOf(true);
        for (int i = 0; i < 20; i++) {
            assertThat(store().findByAccessToken(tokens.get(i)).isPresent()).as("token " + i).isEqualTo(i == winner);
        }
        assertThat(store().findById(session.id())).get().extracting(IssuanceSession::dpopJkt).isEqualTo("jkt-" + winner);
    }
}
