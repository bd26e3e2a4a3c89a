package io.github.vciconnector.issuance;

import io.github.vciconnector.keys.Digests;
import io.github.vciconnector.oauth.AuthorizedWallet;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.OfferStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private static final Set<String> EVENTS = Set.of("credential_accepted", "credential_failure", "credential_deleted");

    private final OfferStore store;

    public NotificationService(OfferStore store) {
        this.store = store;
    }

    /** Throws {@link NotificationRequestException} with the §11.3 code. */
    public void notify(AuthorizedWallet wallet, Map<String, Object> body) {
        Object notificationId = body.get("notification_id");
        Object event = body.get("event");
        Object description = body.get("event_description");
        if (!(notificationId instanceof String) || !(event instanceof String) || !EVENTS.contains(event)) {
            throw invalid("notification_id and an event of credential_accepted, credential_failure or credential_deleted are required");
        }
        if (description != null && !(description instanceof String && isLegal((String) description))) {
            throw invalid("event_description must be printable ASCII without quotes or backslashes");
        }
        IssuanceSession session = store.findById(wallet.session().offerId()).orElse(wallet.session());
        if (!Digests.sameHash((String) notificationId, session.notificationId())) {
            throw new NotificationRequestException(NotificationError.INVALID_NOTIFICATION_ID, "notification_id is unknown");
        }
        log.info("wallet notification {} for offer {}", event, session.offerId());
        if (!"credential_failure".equals(event)) releaseClaims(session.offerId());
    }

    /** The wallet is done with this offer's credentials: no further ones, so the claims go now (VCI-CRS-7). */
    private void releaseClaims(String offerId) {
        store.transition(offerId, current -> current.status() == OfferStatus.ISSUED && current.claims() != null
                ? Optional.of(current.withoutClaims()) : Optional.empty());
    }

    private static boolean isLegal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
        }
        return true;
    }

    private static NotificationRequestException invalid(String description) {
        return new NotificationRequestException(NotificationError.INVALID_NOTIFICATION_REQUEST, description);
    }
}
