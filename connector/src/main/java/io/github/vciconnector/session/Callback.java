package io.github.vciconnector.session;

import java.time.Instant;
import java.util.UUID;

/**
 * One callback event of an offer and its delivery state. It is written in the same session update as the state
 * change it reports, so a transition and its pending callback are never half-written (DESIGN §5, §6).
 *
 * @param eventId the same on every delivery attempt, so receivers can deduplicate
 * @param status the callback status: OFFER_CREATED, ISSUED, FAILED or EXPIRED
 * @param errorDetails why, for FAILED and EXPIRED; never personal data
 * @param deadline after this instant the event is given up as undeliverable
 */
public record Callback(String eventId, String status, Instant timestamp, String errorDetails, Delivery delivery,
                       int attempts, Instant nextAttemptAt, Instant deadline, String lastError) {

    /** Where delivery stands. */
    public enum Delivery { PENDING, DELIVERED, UNDELIVERABLE }

    public static Callback pending(String status, Instant timestamp, String errorDetails, Instant deadline) {
        return new Callback(UUID.randomUUID().toString(), status, timestamp, errorDetails, Delivery.PENDING, 0, timestamp,
                deadline, null);
    }

    public boolean isPending() {
        return delivery == Delivery.PENDING;
    }

    public Callback delivered() {
        return new Callback(eventId, status, timestamp, errorDetails, Delivery.DELIVERED, attempts + 1, null, deadline, null);
    }

    /** A failed attempt: retried at {@code retryAt}, or given up when that is past the deadline. */
    public Callback failed(String error, Instant retryAt) {
        boolean giveUp = retryAt.isAfter(deadline);
        return new Callback(eventId, status, timestamp, errorDetails, giveUp ? Delivery.UNDELIVERABLE : Delivery.PENDING,
                attempts + 1, giveUp ? null : retryAt, deadline, error);
    }

    /** Back to pending with a new deadline, for a manual redelivery of an undeliverable event. */
    public Callback redeliver(Instant now, Instant newDeadline) {
        return new Callback(eventId, status, timestamp, errorDetails, Delivery.PENDING, attempts, now, newDeadline, lastError);
    }
}
