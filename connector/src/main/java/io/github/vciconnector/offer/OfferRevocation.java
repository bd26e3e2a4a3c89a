package io.github.vciconnector.offer;

import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferEnded;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.status.StatusLists;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /offers/{id}/revoke} (DESIGN §9): every credential of the offer becomes INVALID in its status list, the
 * offer becomes REVOKED and its REVOKED callback is queued in the same compare-and-set. Idempotent and irreversible.
 * Before issuance it ends the offer as a cancel does (the code and any access token stop working).
 */
public class OfferRevocation {

    static final String REASON = "revoked by the backend";

    private final OfferStore store;
    private final StatusLists statusLists;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public OfferRevocation(OfferStore store, StatusLists statusLists, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.statusLists = statusLists;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Revokes the offer's credentials, or ends it if none were issued yet. An offer that failed, expired or was
     * cancelled has issued nothing: it stays as it is (nothing to revoke), and so does a revoked one.
     *
     * @throws OfferException {@link OfferError#OFFER_NOT_FOUND}
     */
    public void revoke(String offerId) {
        OfferId id = OfferId.parse(offerId).orElseThrow(OfferRevocation::notFound);
        store.findById(id).orElseThrow(OfferRevocation::notFound);
        var now = clock.instant();
        Optional<IssuanceSession> revoked = store.transition(id, session -> {
            OfferStatus status = OfferSnapshot.of(session, now).status();
            if (status == OfferStatus.REVOKED || (status.isFinal() && status != OfferStatus.ISSUED)) return Optional.empty();
            // The entries first, then the write: once REVOKED is stored, every credential it lists is INVALID. A
            // credential issued meanwhile makes the compare-and-set fail, and the next attempt sets its entry too.
            statusLists.invalidate(session.statusReferences());
            return Optional.of(session.revoked(now));
        });
        revoked.ifPresent(session -> {
            store.redeemPreAuthorizedCode(session.codeHash());
            statusLists.revoked(session.statusReferences());
            events.publishEvent(new OfferEnded(offerId, OfferStatus.REVOKED, REASON, now));
        });
    }

    private static OfferException notFound() {
        return new OfferException(OfferError.OFFER_NOT_FOUND, null, "no offer with this id");
    }
}
