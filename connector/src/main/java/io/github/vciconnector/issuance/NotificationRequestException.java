package io.github.vciconnector.issuance;

/** Thrown when a Notification Request must be refused; the message becomes error_description. */
public final class NotificationRequestException extends RuntimeException {

    private final NotificationError error;

    public NotificationRequestException(NotificationError error, String description) {
        super(description);
        this.error = error;
    }

    public NotificationError error() {
        return error;
    }
}
