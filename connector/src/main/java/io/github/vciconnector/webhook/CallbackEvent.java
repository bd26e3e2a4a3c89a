package io.github.vciconnector.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * The callback payload of DESIGN §5 (camelCase). {@code eventId} stays the same on every delivery attempt, so
 * receivers can deduplicate. Never carries claim values.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackEvent(String eventId, String status, String offerId, Instant timestamp, String errorDetails) {
}
