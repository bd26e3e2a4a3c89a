package io.github.vciconnector.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The webhook outbox of one offer: its callback events in the order they happened, and how long a new event may be
 * retried (fixed when the offer is created). The session carries it, so a state change and the event reporting it
 * are written in the same compare-and-set step of {@link OfferStore#update} (DESIGN §5, §6: no lost callback).
 *
 * <p>The {@code webhook} feature owns what the outbox means (delivery, retries, redelivery), but the value lives here,
 * next to {@link IssuanceSession}: {@code session} must not depend on {@code webhook} (which depends on
 * {@code session}, a cycle), and the features that queue events ({@code offer}, {@code oauth}, {@code issuance},
 * through the session's transitions) must not depend on {@code webhook} either.
 *
 * @param events the callback events, oldest first
 * @param maxAge how long a newly queued event may be retried before it is given up
 */
public record CallbackOutbox(List<Callback> events, Duration maxAge) {

    public CallbackOutbox {
        events = events == null ? List.of() : List.copyOf(events);
        if (maxAge == null) throw new IllegalArgumentException("maxAge is required");
    }

    /** A new offer's outbox, holding its OFFER_CREATED event. */
    static CallbackOutbox opened(Instant now, Duration maxAge) {
        return new CallbackOutbox(List.of(), maxAge).queue(OfferStatus.OFFER_CREATED, now, null);
    }

    /** The outbox with one more pending event for {@code status}, retried until {@link #maxAge} from {@code now}. */
    CallbackOutbox queue(OfferStatus status, Instant now, String errorDetails) {
        var list = new ArrayList<>(events);
        list.add(Callback.pending(status.name(), now, errorDetails, now.plus(maxAge)));
        return new CallbackOutbox(list, maxAge);
    }

    /** The outbox with one event replaced (matched by event id), for delivery bookkeeping. */
    public CallbackOutbox with(Callback updated) {
        return map(callback -> callback.eventId().equals(updated.eventId()) ? updated : callback);
    }

    /** The outbox with {@code change} applied to every event (returning the event itself leaves it as it is). */
    public CallbackOutbox map(UnaryOperator<Callback> change) {
        var list = new ArrayList<Callback>(events.size());
        for (Callback callback : events) list.add(change.apply(callback));
        return new CallbackOutbox(list, maxAge);
    }

    /** The first event still to deliver; the events of one offer leave in order. */
    public Optional<Callback> nextPending() {
        return events.stream().filter(Callback::isPending).findFirst();
    }

    /** When the store should next look at this outbox, if an event is pending. */
    public Optional<Instant> nextDue() {
        return nextPending().map(Callback::nextAttemptAt);
    }

    /** The latest of {@code floor} and every event's deadline. */
    Instant lastDeadline(Instant floor) {
        Instant last = floor;
        for (Callback callback : events) if (callback.deadline().isAfter(last)) last = callback.deadline();
        return last;
    }
}
