package io.github.vciconnector.offer;

import io.github.vciconnector.metadata.ClaimMetadata;
import io.github.vciconnector.metadata.TypeMetadata;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks offer claims against the Type Metadata of their configuration before anything is stored: every
 * top-level claim must be described, every mandatory claim present, no registered JWT or SD-JWT name used.
 * Messages name claims, never their values.
 */
final class ClaimsValidator {

    /** Claim names the connector sets itself or that SD-JWT VC forbids in the payload (SDVC-4). */
    static final Set<String> RESERVED = Set.of("iss", "sub_jwk", "nbf", "exp", "iat", "cnf", "vct", "vct#integrity",
            "status", "_sd", "_sd_alg", "...", "aka_vcts", "jti", "aud");

    private static final int MAX_DEPTH = 8;

    private ClaimsValidator() {
    }

    static void validate(TypeMetadata typeMetadata, Map<String, Object> claims) {
        if (claims == null || claims.isEmpty()) {
            throw new OfferException(OfferError.INVALID_CLAIMS, "claims", "claims must be a non-empty object");
        }
        for (Map.Entry<String, Object> claim : claims.entrySet()) {
            String name = claim.getKey();
            if (RESERVED.contains(name)) {
                throw new OfferException(OfferError.INVALID_CLAIMS, "claims." + name, "claim " + name + " is reserved");
            }
            if (topLevel(typeMetadata, name) == null) {
                throw new OfferException(OfferError.INVALID_CLAIMS, "claims." + name,
                        "claim " + name + " is not described by the type metadata of " + typeMetadata.vct());
            }
            if (claim.getValue() == null) {
                throw new OfferException(OfferError.INVALID_CLAIMS, "claims." + name, "claim " + name + " is null");
            }
            requireDepth(claim.getValue(), 1, "claims." + name);
        }
        for (ClaimMetadata metadata : typeMetadata.claims()) {
            if (metadata.mandatory() && !present(claims, metadata.path())) {
                throw new OfferException(OfferError.INVALID_CLAIMS, "claims." + pathText(metadata.path()),
                        "mandatory claim " + pathText(metadata.path()) + " is missing");
            }
        }
    }

    private static ClaimMetadata topLevel(TypeMetadata typeMetadata, String name) {
        for (ClaimMetadata metadata : typeMetadata.claims()) {
            if (!metadata.path().isEmpty() && name.equals(metadata.path().get(0))) return metadata;
        }
        return null;
    }

    private static boolean present(Map<String, Object> claims, List<Object> path) {
        Object current = claims;
        for (Object element : path) {
            if (!(element instanceof String) || !(current instanceof Map)) return current != null;
            current = ((Map<?, ?>) current).get(element);
            if (current == null) return false;
        }
        return true;
    }

    private static void requireDepth(Object value, int depth, String field) {
        if (depth > MAX_DEPTH) throw new OfferException(OfferError.INVALID_CLAIMS, field, "claims nest too deep");
        if (value instanceof Map) ((Map<?, ?>) value).values().forEach(v -> requireDepth(v, depth + 1, field));
        if (value instanceof List) ((List<?>) value).forEach(v -> requireDepth(v, depth + 1, field));
    }

    private static String pathText(List<Object> path) {
        var text = new StringBuilder();
        for (Object element : path) text.append(text.length() == 0 ? "" : ".").append(element == null ? "*" : element);
        return text.toString();
    }
}
