package io.github.vciconnector.offer;

import io.github.vciconnector.session.TestSessions;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.vciconnector.offer.TestOfferServices.claims;
import static io.github.vciconnector.offer.TestOfferServices.request;
import static org.assertj.core.api.Assertions.assertThat;

/** The expiry sweeper on a real in-memory store and a movable clock. */
class OfferExpirySweeperTest {

    private final TestOfferServices fixture = new TestOfferServices();
    private final OfferExpirySweeper sweeper = new OfferExpirySweeper(fixture.store, fixture.clock, fixture.events::add, Duration.ofSeconds(1));

    @Test
    void sweepWhenIssuedOfferTokenExpiredThenClaimsDeletedStatusIssuedAndNoEvent() {
        IssuanceSession issued = issuedWithClaimsUntil(Duration.ofMinutes(5));
        fixture.events.clear();
        fixture.clock.advance(Duration.ofMinutes(4));
        assertThat(sweeper.sweep()).isZero();
        assertThat(fixture.store.findById(issued.id()).orElseThrow().claims()).as("token still valid").isNotNull();

        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(sweeper.sweep()).isZero();  // nothing EXPIRED: the offer was issued

        IssuanceSession after = fixture.store.findById(issued.id()).orElseThrow();
        assertThat(after.claims()).isNull();
        assertThat(after.status()).isEqualTo(OfferStatus.ISSUED);
        assertThat(after.outbox().events()).extracting(c -> c.status()).containsExactly("OFFER_CREATED", "ISSUED");
        assertThat(fixture.events).isEmpty();
        assertThat(fixture.store.findExpiredOffers(fixture.clock.instant(), 10)).doesNotContain(issued.id());
    }

    /** DESIGN §9 data minimisation: what is kept for revocation names neither the holder nor the wallet. */
    @Test
    void sweepWhenIssuedOfferTokenExpiredThenOnlyWhatRevocationNeedsIsKeptForTheValidity() {
        IssuanceSession issued = issuedWithClaimsUntil(Duration.ofMinutes(5));
        fixture.clock.advance(Duration.ofMinutes(5));
        sweeper.sweep();

        IssuanceSession kept = fixture.store.findById(issued.id()).orElseThrow();
        assertThat(kept.claims()).isNull();
        assertThat(kept.dpopJkt()).isNull();
        assertThat(kept.notificationId()).isNull();
        assertThat(kept.txCodeHash()).isNull();
        assertThat(kept.statusReferences()).isEqualTo(issued.statusReferences()).hasSize(1);
        assertThat(kept.offerId()).isEqualTo(issued.offerId());
        assertThat(kept.history()).containsKeys(OfferStatus.OFFER_CREATED, OfferStatus.ISSUED);
        // kept while the credentials are valid, not just for the retention after the offer
        fixture.clock.advance(Duration.ofDays(300));
        assertThat(fixture.store.findById(issued.id())).isPresent();
        fixture.clock.advance(Duration.ofDays(70));
        assertThat(fixture.store.findById(issued.id())).isEmpty();
    }

    @Test
    void sweepWhenTokenIssuedOfferExpiredThenExpiredWithOneEvent() {
        OfferId offerId = new OfferId(fixture.service.create(request(claims(), null, Duration.ofMinutes(1))).offerId());
        fixture.events.clear();
        fixture.clock.advance(Duration.ofMinutes(2));

        assertThat(sweeper.sweep()).isOne();
        assertThat(fixture.store.findById(offerId).orElseThrow().status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(fixture.events).hasSize(1);
    }

    /** An offer through token and first issuance, its claims kept for {@code tokenLifetime} from now. */
    private IssuanceSession issuedWithClaimsUntil(Duration tokenLifetime) {
        OfferId offerId = new OfferId(fixture.service.create(request(claims(), null, Duration.ofMinutes(10))).offerId());
        var now = fixture.clock.instant();
        return fixture.store.transition(offerId, s -> java.util.Optional.of(s.tokenIssued("jkt", now, now.plus(tokenLifetime))))
                .flatMap(token -> fixture.store.transition(offerId, s -> java.util.Optional.of(
                        s.issued(TestSessions.entries(1), now.plus(Duration.ofDays(366)), now, "n", now.plus(tokenLifetime))))).orElseThrow();
    }
}
