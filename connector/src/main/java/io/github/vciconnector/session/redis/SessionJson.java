package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.IssuanceSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;

/**
 * The JSON form of an {@link IssuanceSession} inside Redis, with the claims encrypted ({@link ClaimsCipher}) in a
 * {@code sealedClaims} member instead of a {@code claims} one. A private mapper, so that web-facing Jackson settings
 * (naming strategies, date formats) never change what replicas of different configurations read and write.
 */
final class SessionJson {

    private static final Logger log = LoggerFactory.getLogger(SessionJson.class);
    private static final String CLAIMS = "claims";
    private static final String SEALED_CLAIMS = "sealedClaims";
    /**
     * The outbox is stored as the two top-level members it was before it became a value of its own ({@code callbacks},
     * {@code callbackMaxAge}), so replicas of the previous version read what this one writes, and the other way round.
     */
    private static final String OUTBOX = "outbox";
    private static final String CALLBACKS = "callbacks";
    private static final String CALLBACK_MAX_AGE = "callbackMaxAge";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            // Instants as ISO-8601 text keep their nanoseconds; timestamps would not round-trip exactly
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A newer replica may add fields during a rolling upgrade; older ones must still read the session
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ClaimsCipher cipher;
    private final String legacyCallbackMaxAge;

    /**
     * @param callbackMaxAge read into a session stored without its own (older sessions kept it implicit and were
     *                       read with the setting's value), so they still load instead of failing every request
     */
    SessionJson(ClaimsCipher cipher, Duration callbackMaxAge) {
        this.cipher = cipher;
        this.legacyCallbackMaxAge = callbackMaxAge.toString();
    }

    String write(IssuanceSession session) {
        ObjectNode tree = MAPPER.valueToTree(session);
        tree.remove(CLAIMS);
        ObjectNode outbox = (ObjectNode) tree.remove(OUTBOX);
        tree.set(CALLBACKS, outbox.get("events"));
        tree.set(CALLBACK_MAX_AGE, outbox.get("maxAge"));
        if (session.claims() != null) tree.put(SEALED_CLAIMS, cipher.seal(MAPPER.writeValueAsBytes(session.claims()), session.offerId()));
        return MAPPER.writeValueAsString(tree);
    }

    /**
     * The stored session. Claims that do not decrypt for this offer (moved from another offer, altered, or written
     * under a master secret no longer configured), or claims in clear, are a store integrity problem: logged
     * without any value, and the session is read without claims, so it cannot issue a credential but still ends
     * normally.
     */
    IssuanceSession read(String json) {
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
            JsonNode plain = tree.remove(CLAIMS);
            JsonNode sealed = tree.remove(SEALED_CLAIMS);
            String offerId = tree.path("offerId").asString();
            ObjectNode outbox = tree.putObject(OUTBOX);
            outbox.set("events", tree.remove(CALLBACKS));
            JsonNode maxAge = tree.remove(CALLBACK_MAX_AGE);
            if (maxAge == null || maxAge.isNull()) outbox.put("maxAge", legacyCallbackMaxAge);
            else outbox.set("maxAge", maxAge);
            if (plain != null && !plain.isNull()) {
                log.error("Stored session {} has claims in clear, which this connector never writes; they are ignored", offerId);
            } else if (sealed != null && !sealed.isNull()) {
                openClaims(tree, sealed.asString(), offerId);
            }
            return MAPPER.treeToValue(tree, IssuanceSession.class);
        } catch (JacksonException | ClassCastException e) {
            // Never include the JSON: it may hold claim values
            throw new IllegalStateException("stored session is not readable", e);
        }
    }

    private void openClaims(ObjectNode tree, String sealed, String offerId) {
        try {
            tree.set(CLAIMS, MAPPER.readTree(cipher.open(sealed, offerId)));
        } catch (ClaimsCipher.UnreadableClaimsException e) {
            log.error("Stored session {}: {}; it is read without claims and cannot issue a credential", offerId, e.getMessage());
        }
    }
}
