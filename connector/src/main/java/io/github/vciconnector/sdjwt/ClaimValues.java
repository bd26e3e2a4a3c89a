package io.github.vciconnector.sdjwt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks caller-supplied claims once and copies them deeply, so that what was validated is exactly what is encoded
 * and signed. Only JSON types are accepted, because the values are serialised twice (Disclosures and JWT payload).
 */
final class ClaimValues {

    /** Names only the issuer writes (SDJWT-11, SDVC-4); a caller claim with one of them could end up in a Disclosure. */
    static final Set<String> RESERVED_TOP_LEVEL = Set.of("iss", "aud", "nbf", "exp", "iat", "cnf", "vct",
            "vct#integrity", "status", "aka_vcts");

    /** SD-JWT structure keys, forbidden at every level of the payload (SDJWT-3, SDJWT-4, SDJWT-9). */
    static final Set<String> RESERVED_EVERYWHERE = Set.of("_sd", "_sd_alg", "_sd_jwt", "...");

    // Bounds recursion on hostile input; real credentials nest a few levels at most.
    private static final int MAX_DEPTH = 16;

    private ClaimValues() {
    }

    /** Validates the credential subject claims and returns an unmodifiable deep copy in insertion order. */
    static Map<String, Object> copyOfClaims(Map<String, ?> claims) {
        for (String name : claims.keySet()) {
            if (RESERVED_TOP_LEVEL.contains(name)) throw new IllegalArgumentException("claim name " + name + " is reserved");
        }
        return copyOfObject(claims, 0);
    }

    /** Validates any JSON object (e.g. the status claim) and returns an unmodifiable deep copy. */
    static Map<String, Object> copyOfObject(Map<?, ?> object, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalArgumentException("claims nested too deeply");
        var copy = new LinkedHashMap<String, Object>();
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            if (!(entry.getKey() instanceof String name) || name.isEmpty())
                throw new IllegalArgumentException("claim names must be non-empty strings");
            if (RESERVED_EVERYWHERE.contains(name)) throw new IllegalArgumentException("claim name " + name + " is reserved");
            copy.put(name, copyOfValue(entry.getValue(), depth));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyOfValue(Object value, int depth) {
        if (value == null) throw new IllegalArgumentException("claim values must not be null");
        if (value instanceof String || value instanceof Boolean) return value;
        if (value instanceof Map<?, ?> map) return copyOfObject(map, depth + 1);
        if (value instanceof List<?> list) {
            var copy = new ArrayList<>(list.size());
            for (Object element : list) copy.add(copyOfValue(element, depth + 1));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) return value;
        if (value instanceof Double || value instanceof Float) {
            // JSON has no NaN or Infinity
            if (!Double.isFinite(((Number) value).doubleValue()))
                throw new IllegalArgumentException("claim numbers must be finite");
            return value;
        }
        throw new IllegalArgumentException("claim values must be JSON values");
    }
}
