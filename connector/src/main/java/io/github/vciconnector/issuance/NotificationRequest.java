package io.github.vciconnector.issuance;

import java.util.Map;

/**
 * A Notification Request (OID4VCI 1.0 §11.1). {@code event_description} is free text from the wallet: it is
 * checked (printable ASCII without quotes or backslashes, §11.1) and otherwise never logged or stored.
 *
 * @param eventDescription null when absent
 */
public record NotificationRequest(String notificationId, NotificationEvent event, String eventDescription) {

    public static final String NOTIFICATION_ID = "notification_id";
    public static final String EVENT = "event";
    public static final String EVENT_DESCRIPTION = "event_description";

    public NotificationRequest {
        if (notificationId == null || event == null) throw new IllegalArgumentException("notification_id and event are required");
    }

    /** Parses the JSON body; throws {@link NotificationRequestException} with {@code invalid_notification_request}. */
    public static NotificationRequest parse(Map<String, Object> body) {
        Object notificationId = body.get(NOTIFICATION_ID);
        Object event = body.get(EVENT);
        Object description = body.get(EVENT_DESCRIPTION);
        NotificationEvent known = event instanceof String ? NotificationEvent.fromCode((String) event).orElse(null) : null;
        if (!(notificationId instanceof String) || known == null) {
            throw invalid("notification_id and an event of credential_accepted, credential_failure or credential_deleted are required");
        }
        if (description != null && !(description instanceof String && isLegal((String) description))) {
            throw invalid("event_description must be printable ASCII without quotes or backslashes");
        }
        return new NotificationRequest((String) notificationId, known, (String) description);
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

    @Override
    public String toString() {
        return "NotificationRequest[event=" + event.code() + "]";
    }
}
