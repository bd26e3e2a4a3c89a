package io.github.vciconnector.offer;

import io.github.vciconnector.metadata.ClaimMetadata;
import io.github.vciconnector.metadata.TypeMetadata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks offer claims against the Type Metadata of their configuration before anything is stored. Type Metadata
 * (SD-JWT VC draft -18 §4.6) declares claim paths, not value types, so "matching" means: every claim is described
 * (down to the level the paths describe), its shape follows the paths (a string path element needs an object, a
 * null or index element an array), every mandatory claim is present, values are plain JSON (no null, no NaN), nest
 * at most {@value #MAX_DEPTH} levels and use no name JWT or SD-JWT reserves. Messages name claims, never values.
 */
final class ClaimsValidator {

    /** Claim names the connector sets itself or that SD-JWT VC forbids in the payload (SDVC-4). */
    static final Set<String> RESERVED = Set.of("iss", "sub_jwk", "nbf", "exp", "iat", "cnf", "vct", "vct#integrity",
            "status", "_sd", "_sd_alg", "...", "aka_vcts", "jti", "aud");

    /** SD-JWT §4.2: these names carry digests at every level, so no claim may use them. */
    // The same set the SD-JWT encoder refuses (sdjwt.ClaimValues): what passes here must be issuable later.
    static final Set<String> RESERVED_AT_EVERY_LEVEL = Set.of("_sd", "_sd_alg", "_sd_jwt", "...");

    static final int MAX_DEPTH = 8;

    private final List<List<Object>> paths = new ArrayList<>();

    private ClaimsValidator(TypeMetadata typeMetadata) {
        for (ClaimMetadata claim : typeMetadata.claims()) paths.add(claim.path());
    }

    static void validate(TypeMetadata typeMetadata, Map<String, Object> claims) {
        if (claims == null || claims.isEmpty()) throw invalid("claims", "claims must be a non-empty object");
        for (String name : claims.keySet()) {
            if (RESERVED.contains(name)) throw invalid("claims." + name, "claim " + name + " is reserved");
        }
        var validator = new ClaimsValidator(typeMetadata);
        validator.walk(claims, new ArrayList<>(), "claims", typeMetadata.vct());
        for (ClaimMetadata metadata : typeMetadata.claims()) {
            if (metadata.mandatory() && !present(claims, metadata.path(), 0)) {
                String name = pathText(metadata.path());
                throw invalid("claims." + name, "mandatory claim " + name + " is missing");
            }
        }
    }

    /** Checks one value at {@code path} (real indices for array elements) and everything below it. */
    private void walk(Object value, List<Object> path, String field, String vct) {
        if (path.size() > MAX_DEPTH) throw invalid(field, "claims nest deeper than " + MAX_DEPTH + " levels");
        requireJsonValue(value, field);
        Set<Object> next = continuations(path);
        boolean wantsObject = next.stream().anyMatch(e -> e instanceof String);
        boolean wantsArray = next.stream().anyMatch(e -> !(e instanceof String));
        if (value instanceof Map) {
            if (wantsArray && !wantsObject) throw invalid(field, field + " must be an array as the type metadata describes it");
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                String name = String.valueOf(entry.getKey());
                String child = field + "." + name;
                if (name.isEmpty()) throw invalid(field, "claim names must not be empty");
                if (RESERVED_AT_EVERY_LEVEL.contains(name)) throw invalid(child, "claim name " + name + " is reserved by SD-JWT");
                // Below a described leaf anything goes; where the metadata goes deeper, every member must be described.
                if ((path.isEmpty() || wantsObject) && !next.contains(name)) {
                    throw invalid(child, "claim " + child.substring("claims.".length()) + " is not described by the type metadata of " + vct);
                }
                path.add(name);
                walk(entry.getValue(), path, child, vct);
                path.remove(path.size() - 1);
            }
        } else if (value instanceof List) {
            if (wantsObject && !wantsArray) throw invalid(field, field + " must be an object as the type metadata describes it");
            List<?> items = (List<?>) value;
            for (int i = 0; i < items.size(); i++) {
                path.add(i);
                walk(items.get(i), path, field + "[" + i + "]", vct);
                path.remove(path.size() - 1);
            }
        } else if (!next.isEmpty()) {
            throw invalid(field, field + " must be " + (wantsObject ? "an object" : "an array") + " as the type metadata describes it");
        }
    }

    /** The path elements the metadata describes directly below {@code path}: names, null or indices. */
    private Set<Object> continuations(List<Object> path) {
        var result = new HashSet<Object>();
        for (List<Object> described : paths) {
            if (described.size() > path.size() && matches(described, path)) result.add(described.get(path.size()));
        }
        return result;
    }

    private static boolean matches(List<Object> described, List<Object> path) {
        for (int i = 0; i < path.size(); i++) {
            Object want = described.get(i);
            Object have = path.get(i);
            boolean ok = have instanceof String ? have.equals(want)
                    : want == null || (want instanceof Number && ((Number) want).intValue() == (Integer) have);
            if (!ok) return false;
        }
        return true;
    }

    private static void requireJsonValue(Object value, String field) {
        if (value == null) throw invalid(field, field + " is null");
        if (value instanceof Double || value instanceof Float) {
            if (!Double.isFinite(((Number) value).doubleValue())) throw invalid(field, field + " is not a finite number");
            return;
        }
        boolean json = value instanceof String || value instanceof Boolean || value instanceof Number || value instanceof List
                || (value instanceof Map && ((Map<?, ?>) value).keySet().stream().allMatch(k -> k instanceof String));
        if (!json) throw invalid(field, field + " is not a JSON value");
    }

    /** True when the claim at {@code path} exists; a null element (all array elements) needs a non-empty array. */
    private static boolean present(Object current, List<Object> path, int from) {
        if (from == path.size()) return current != null;
        Object element = path.get(from);
        if (element instanceof String) {
            return current instanceof Map && present(((Map<?, ?>) current).get(element), path, from + 1);
        }
        if (!(current instanceof List) || ((List<?>) current).isEmpty()) return false;
        List<?> items = (List<?>) current;
        if (element instanceof Number) {
            int index = ((Number) element).intValue();
            return index < items.size() && present(items.get(index), path, from + 1);
        }
        return items.stream().allMatch(item -> present(item, path, from + 1));
    }

    private static String pathText(List<Object> path) {
        var text = new StringBuilder();
        for (Object element : path) text.append(text.length() == 0 ? "" : ".").append(element == null ? "*" : element);
        return text.toString();
    }

    private static OfferException invalid(String field, String description) {
        return new OfferException(OfferError.INVALID_CLAIMS, field, description);
    }
}
