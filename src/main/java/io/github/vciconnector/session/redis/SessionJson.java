package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.IssuanceSession;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of an {@link IssuanceSession} inside Redis. A private mapper, so that web-facing Jackson settings
 * (naming strategies, date formats) never change what replicas of different configurations read and write.
 */
final class SessionJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // Instants as ISO-8601 text keep their nanoseconds; timestamps would not round-trip exactly
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A newer replica may add fields during a rolling upgrade; older ones must still read the session
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SessionJson() {
    }

    static String write(IssuanceSession session) {
        return MAPPER.writeValueAsString(session);
    }

    static IssuanceSession read(String json) {
        try {
            return MAPPER.readValue(json, IssuanceSession.class);
        } catch (JacksonException e) {
            // Never include the JSON: it holds claim values
            throw new IllegalStateException("stored session is not readable", e);
        }
    }
}
