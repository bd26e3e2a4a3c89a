package io.github.vciconnector.issuance;

import io.github.vciconnector.keys.Digests;
import io.github.vciconnector.oauth.AuthorizedWallet;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.OfferStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The Notification Endpoint logic (OID4VCI 1.0 §11). ISSUED never waits for it (the EUDI Android wallet does not
 * notify, EUDI-16), and no notification changes an offer's status or reaches the backend: the credentials are
 * out, and a wallet's word cannot undo that (issue 17 L-7). {@code credential_accepted} and
 * {@code credential_deleted} end issuance (the claims kept for repeat requests are deleted); after
 * {@code credential_failure} the wallet may ask again while its token lasts. Each event is logged by name, its
 * free-text description never. Repeating a notification is harmless (VCI-NOT-2).
 */
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final OfferStore store;

    public NotificationService(OfferStore store) {
        this.store = store;
    }

    /** Throws {@link NotificationRequestException} with the §11.3 code. */
    public void notify(AuthorizedWallet wallet, NotificationRequest request) {
        IssuanceSession session = store.findById(wallet.session().id()).orElse(wallet.session());
        if (!Digests.sameHash(request.notificationId(), session.notificationId())) {
            throw new NotificationRequestException(NotificationError.INVALID_NOTIFICATION_ID, "notification_id is unknown");
        }
        log.info("wallet notification {} for offer {}", request.event().code(), session.offerId());
        if (request.event() != NotificationEvent.CREDENTIAL_FAILURE) releaseClaims(session.id());
    }

    /** The wallet is done with this offer's credentials: no further ones, so the claims go now (VCI-CRS-7). */
    private void releaseClaims(OfferId offerId) {
        store.transition(offerId, current -> current.status() == OfferStatus.ISSUED && current.claims() != null
                ? Optional.of(current.withoutClaims()) : Optional.empty());
    }
}
