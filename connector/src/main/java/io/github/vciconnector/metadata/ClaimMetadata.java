package io.github.vciconnector.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claim metadata of a Type Metadata document (SD-JWT VC draft -18 §4.6): where the claim is, whether it must be
 * present, whether it is selectively disclosable ({@code sd}), and its per-locale labels.
 *
 * @param path claims path pointer: strings, {@code null} (all array elements) or non-negative integers
 * @param sd {@code always}, {@code allowed} (the default) or {@code never}
 * @param display entries with {@code locale} and {@code label} (Type Metadata says label; issuer metadata says name)
 */
public record ClaimMetadata(List<Object> path, boolean mandatory, String sd, List<Map<String, Object>> display) {

    private static final Set<String> SD_VALUES = Set.of("always", "allowed", "never");

    public ClaimMetadata {
        if (path == null || path.isEmpty()) throw new IllegalArgumentException("claim path must be a non-empty array (TM-4)");
        for (Object element : path) {
            boolean ok = element == null || element instanceof String
                    || (element instanceof Number && ((Number) element).longValue() >= 0);
            if (!ok) throw new IllegalArgumentException("claim path " + path + " has an invalid element (TM-4)");
        }
        if (!SD_VALUES.contains(sd)) throw new IllegalArgumentException("claim " + path + " has sd " + sd + " (TM-4)");
        path = new ArrayList<>(path);
        display = List.copyOf(display);
    }

    static ClaimMetadata parse(Map<String, Object> json) {
        var path = TypeMetadata.asList(json.get("path"), "claim path");
        var sd = json.get("sd") == null ? "allowed" : String.valueOf(json.get("sd"));
        boolean mandatory = Boolean.TRUE.equals(json.get("mandatory"));
        var display = new ArrayList<Map<String, Object>>();
        if (json.get("display") != null) {
            for (Object entry : TypeMetadata.asList(json.get("display"), "claim display")) {
                var object = TypeMetadata.asObject(entry, "claim display entry");
                if (!(object.get("locale") instanceof String) || !(object.get("label") instanceof String)) {
                    throw new IllegalArgumentException("claim " + path + " display needs locale (or the legacy lang) and label (TM-4)");
                }
                display.add(object);
            }
        }
        return new ClaimMetadata(new ArrayList<>(path), mandatory, sd, display);
    }

    /** True when this claim is a top-level property named {@code name}. */
    public boolean isTopLevel(String name) {
        return path.size() == 1 && name.equals(path.get(0));
    }
}
