package io.github.vciconnector.issuance;

import io.github.vciconnector.keys.Digests;
import io.github.vciconnector.oauth.AuthorizedWallet;
import io.github.vciconnector.offer.OfferEnded;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Notification Endpoint logic (OID4VCI 1.0 §11). ISSUED never waits for it (the EUDI Android wallet does not
 * notify, EUDI-16); a {@code credential_failure} turns the offer FAILED and queues a FAILED callback, the two other
 * events are acknowledged and logged. Repeating a notification is harmless (VCI-NOT-2).
 */
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final Set<String> EVENTS = Set.of("credential_accepted", "credential_failure", "credential_deleted");
    private static final int MAX_DESCRIPTION = 200;

    private final SessionStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public NotificationService(SessionStore store, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
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
        if ("credential_failure".equals(event)) fail(session, (String) description);
    }

    private void fail(IssuanceSession session, String description) {
        String reason = "wallet reported credential_failure" + (description == null || description.isEmpty() ? ""
                : ": " + description.substring(0, Math.min(description.length(), MAX_DESCRIPTION)));
        var now = clock.instant();
        store.transition(session.offerId(), current -> current.status() == OfferStatus.ISSUED
                        ? Optional.of(current.ended(OfferStatus.FAILED, reason, now)) : Optional.empty())
                .ifPresent(failed -> events.publishEvent(new OfferEnded(failed.offerId(), OfferStatus.FAILED, reason, now)));
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
