package io.github.vciconnector.web.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.vciconnector.session.Callback;

import java.time.Instant;

/** Delivery state of one callback event, as shown by {@code GET /offers/{id}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CallbackStatus(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("status") String status,
        @JsonProperty("delivery") Callback.Delivery delivery,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("next_attempt_at") Instant nextAttemptAt,
        @JsonProperty("last_error") String lastError) {

    static CallbackStatus of(Callback callback) {
        return new CallbackStatus(callback.eventId(), callback.status(), callback.delivery(), callback.attempts(),
                callback.nextAttemptAt(), callback.lastError());
    }
}
