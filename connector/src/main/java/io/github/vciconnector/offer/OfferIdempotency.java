package io.github.vciconnector.offer;

import io.github.vciconnector.jose.Sha256;
import io.github.vciconnector.metadata.CredentialConfiguration;
import io.github.vciconnector.session.IdempotencyKeys;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.session.TxCodeSpec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code Idempotency-Key} rule of {@code POST /offers}: the first request with a key claims it atomically in the
 * store, together with a keyed fingerprint of its canonical request and the id its offer will get. A later request
 * with the same key and fingerprint gets that offer back; with another fingerprint it is refused.
 */
final class OfferIdempotency {

    static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyKeys store;
    private final OfferSecrets secrets;

    OfferIdempotency(IdempotencyKeys store, OfferSecrets secrets) {
        this.store = store;
        this.secrets = secrets;
    }

    /**
     * Atomically claims {@code key} for {@code candidateOfferId}. Returns null when this caller won the key, or the
     * offer id of the first request with the same fingerprint; throws {@link OfferException} when the key is
     * malformed or was used for another request.
     */
    String claim(String key, String canonicalRequest, String candidateOfferId, Duration ttl) {
        requireWellFormed(key);
        String fingerprint = secrets.requestFingerprint(canonicalRequest);
        String existing = store.putIfAbsent(Sha256.base64Url(key), fingerprint + " " + candidateOfferId, ttl);
        if (existing == null) return null;
        int space = existing.indexOf(' ');
        if (!secrets.matchesRequest(canonicalRequest, existing.substring(0, space))) {
            throw new OfferException(OfferError.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                    "this Idempotency-Key was already used with a different request");
        }
        return existing.substring(space + 1);
    }

    /** The members of a {@code POST /offers} request that make two requests equal for its Idempotency-Key. */
    static String canonical(CredentialConfiguration configuration, OfferRequest request, TxCodeSpec txCode) {
        var canonical = new LinkedHashMap<String, Object>();
        canonical.put("credential_configuration_id", configuration.id());
        canonical.put("claims", request.claims());
        canonical.put("tx_code", txCode == null ? null
                : List.of(txCode.inputMode(), txCode.length(), txCode.description() == null ? "" : txCode.description()));
        canonical.put("expires_in", request.expiresIn() == null ? null : request.expiresIn().toString());
        if (request.grant() != OfferRequest.Grant.PRE_AUTHORIZED_CODE) canonical.put("grant", request.grant().wire());
        return canonical((Object) canonical);
    }

    /** The request as canonical JSON: object members sorted, so equal bodies give equal text whatever the order. */
    static String canonical(Object value) {
        var out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void requireWellFormed(String key) {
        boolean ok = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
        if (!ok) {
            throw new OfferException(OfferError.INVALID_IDEMPOTENCY_KEY, "Idempotency-Key",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
        }
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof Map) {
            out.append('{');
            var sorted = new TreeMap<String, Object>();
            ((Map<?, ?>) value).forEach((k, v) -> sorted.put(String.valueOf(k), v));
            sorted.forEach((k, v) -> {
                if (out.charAt(out.length() - 1) != '{') out.append(',');
                appendString(out, k);
                out.append(':');
                append(out, v);
            });
            out.append('}');
        } else if (value instanceof List) {
            out.append('[');
            List<?> items = (List<?>) value;
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) out.append(',');
                append(out, items.get(i));
            }
            out.append(']');
        } else if (value instanceof String) {
            appendString(out, (String) value);
        } else {
            out.append(value); // numbers, booleans and null print as JSON already
        }
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        out.append('"');
    }
}
