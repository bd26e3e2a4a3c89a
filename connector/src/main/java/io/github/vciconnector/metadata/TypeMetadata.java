package io.github.vciconnector.metadata;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An SD-JWT VC Type Metadata document (draft -18 §4), parsed and checked once at startup. {@link #document()} holds
 * the bytes served at {@code /oidc4vci/types/{id}}, fixed at startup (TM-6: integrity hashes are computed over the
 * served bytes): the file's exact bytes, or, when its display entries use the legacy {@code lang}, the document
 * rewritten once with {@code locale} in its place.
 *
 * @param display per-locale display objects, with {@code locale} (TM-3)
 * @param claims claim metadata in document order (TM-4)
 * @param legacyLangEntries how many display entries said {@code lang} and were renamed to {@code locale}
 */
public record TypeMetadata(String vct, String name, List<Map<String, Object>> display, List<ClaimMetadata> claims,
                           byte[] document, int legacyLangEntries) {

    public TypeMetadata {
        display = List.copyOf(display);
        claims = List.copyOf(claims);
    }

    /** Parses and validates a document; throws {@link IllegalArgumentException} saying what is wrong. */
    public static TypeMetadata parse(byte[] document) {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(new String(document, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalArgumentException("type metadata is not a JSON object: " + e.getMessage());
        }
        Object vct = json.get("vct");
        if (!(vct instanceof String) || ((String) vct).isBlank()) {
            throw new IllegalArgumentException("type metadata has no vct (TM-2)");
        }
        int legacyLang = LegacyLang.rename(json);
        // Rewritten only when something was renamed: a current document is served exactly as written.
        byte[] served = legacyLang == 0 ? document.clone() : JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8);
        return new TypeMetadata((String) vct, json.get("name") instanceof String ? (String) json.get("name") : null,
                parseDisplay(json.get("display")), parseClaims(json.get("claims")), served, legacyLang);
    }

    private static List<Map<String, Object>> parseDisplay(Object value) {
        if (value == null) return List.of();
        var result = new ArrayList<Map<String, Object>>();
        for (Object entry : asList(value, "display")) {
            var object = asObject(entry, "display entry");
            if (!(object.get("locale") instanceof String) || !(object.get("name") instanceof String)) {
                throw new IllegalArgumentException("every type metadata display entry needs locale (or the legacy lang) and name (TM-3)");
            }
            result.add(object);
        }
        return result;
    }

    private static List<ClaimMetadata> parseClaims(Object value) {
        if (value == null) return List.of();
        var result = new ArrayList<ClaimMetadata>();
        var seen = new HashSet<List<Object>>();
        for (Object entry : asList(value, "claims")) {
            var claim = ClaimMetadata.parse(asObject(entry, "claims entry"));
            if (!seen.add(claim.path())) {
                throw new IllegalArgumentException("type metadata lists claim path " + claim.path() + " twice (VCI-MD-18)");
            }
            result.add(claim);
        }
        return result;
    }

    static List<?> asList(Object value, String what) {
        if (!(value instanceof List)) throw new IllegalArgumentException("type metadata " + what + " must be an array");
        return (List<?>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object value, String what) {
        if (!(value instanceof Map)) throw new IllegalArgumentException("type metadata " + what + " must be an object");
        return (Map<String, Object>) value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeMetadata && java.util.Arrays.equals(document, ((TypeMetadata) o).document);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vct, java.util.Arrays.hashCode(document));
    }
}
