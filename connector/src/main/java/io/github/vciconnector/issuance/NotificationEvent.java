package io.github.vciconnector.issuance;

import java.util.Locale;
import java.util.Optional;

/** The {@code event} of a Notification Request (OID4VCI 1.0 §11.1). The constant is the wire value. */
public enum NotificationEvent {
    CREDENTIAL_ACCEPTED, CREDENTIAL_FAILURE, CREDENTIAL_DELETED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The event of that exact wire value; case matters. */
    public static Optional<NotificationEvent> fromCode(String code) {
        for (NotificationEvent event : values()) {
            if (event.code().equals(code)) return Optional.of(event);
        }
        return Optional.empty();
    }
}
