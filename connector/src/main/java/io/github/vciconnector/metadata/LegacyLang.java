package io.github.vciconnector.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SD-JWT VC draft -12 renamed the display member {@code lang} to {@code locale} (TM-3, TM-4); documents written for
 * older drafts, the product guide's among them, still say {@code lang}. This renames it in every display entry of a
 * Type Metadata document, type-level and claim-level, so that everything after it reads one spelling.
 */
final class LegacyLang {

    static final String LANG = "lang";
    static final String LOCALE = "locale";

    private LegacyLang() {
    }

    /**
     * Replaces each {@code lang} by {@code locale} at the same position, in place.
     *
     * @return how many display entries were renamed (0 leaves the document untouched)
     * @throws IllegalArgumentException when an entry carries both members with different values
     */
    static int rename(Map<String, Object> document) {
        int renamed = renameIn(document);
        if (document.get("claims") instanceof List) {
            for (Object claim : (List<?>) document.get("claims")) {
                if (claim instanceof Map) renamed += renameIn(TypeMetadata.asObject(claim, "claims entry"));
            }
        }
        return renamed;
    }

    /** Renames in {@code owner.display}, when it is an array; anything malformed is left for the parser to refuse. */
    private static int renameIn(Map<String, Object> owner) {
        if (!(owner.get("display") instanceof List)) return 0;
        int renamed = 0;
        var display = new ArrayList<Object>();
        for (Object entry : (List<?>) owner.get("display")) {
            if (entry instanceof Map && ((Map<?, ?>) entry).containsKey(LANG)) {
                var object = TypeMetadata.asObject(entry, "display entry");
                if (!object.containsKey(LOCALE)) {
                    entry = renamed(object);
                    renamed++;
                } else if (!Objects.equals(object.get(LOCALE), object.get(LANG))) {
                    throw new IllegalArgumentException("a display entry has both lang and locale, with different values;"
                            + " keep locale only (TM-3)");
                }
            }
            display.add(entry);
        }
        if (renamed > 0) owner.put("display", display);
        return renamed;
    }

    private static Map<String, Object> renamed(Map<String, Object> entry) {
        var out = new LinkedHashMap<String, Object>();
        entry.forEach((key, value) -> out.put(LANG.equals(key) ? LOCALE : key, value));
        return out;
    }
}
