package io.github.vciconnector.issuance;

import java.util.Locale;

/** Notification Endpoint errors (OID4VCI 1.0 §11.3). The constant is the wire value. */
public enum NotificationError {
    INVALID_NOTIFICATION_ID, INVALID_NOTIFICATION_REQUEST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
