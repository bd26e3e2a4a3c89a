package io.github.vciconnector.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code credential_metadata} of a credential configuration (OID4VCI 1.0 §12.2.4): how a wallet shows the
 * credential and its claims. Copied from the Type Metadata, because EUDI wallets render from here and never fetch
 * Type Metadata (EUDI-17); Type Metadata says {@code label} where this says {@code name}.
 *
 * @param claims      in Type Metadata order; omitted from the wire when empty
 * @param reusePolicy {@code credential_reuse_policy} (ETSI TS 119 472-3 §4.2.4.2), null when none is published
 */
public record CredentialMetadata(List<Display> display, List<Claim> claims, CredentialReusePolicy reusePolicy) {

    public static final String DISPLAY = "display";
    public static final String CLAIMS = "claims";
    public static final String CREDENTIAL_REUSE_POLICY = "credential_reuse_policy";

    public CredentialMetadata(List<Display> display, List<Claim> claims) {
        this(display, claims, null);
    }

    public CredentialMetadata {
        display = List.copyOf(display);
        claims = List.copyOf(claims);
    }

    static CredentialMetadata of(TypeMetadata typeMetadata, CredentialReusePolicy reusePolicy) {
        var display = new ArrayList<Display>();
        for (Map<String, Object> entry : typeMetadata.display()) display.add(Display.of(entry));
        // A document without display entries may still name the type: that name is better than nothing
        if (display.isEmpty() && typeMetadata.name() != null) display.add(new Display(typeMetadata.name(), null, null, null, null, null));
        var claims = new ArrayList<Claim>();
        for (ClaimMetadata claim : typeMetadata.claims()) claims.add(Claim.of(claim));
        return new CredentialMetadata(display, claims, reusePolicy);
    }

    /** The members in wire order. */
    public Map<String, Object> toJSONObject() {
        var json = new LinkedHashMap<String, Object>();
        json.put(DISPLAY, display.stream().map(Display::toJSONObject).toList());
        if (!claims.isEmpty()) json.put(CLAIMS, claims.stream().map(Claim::toJSONObject).toList());
        if (reusePolicy != null) json.put(CREDENTIAL_REUSE_POLICY, reusePolicy.toJSONObject());
        return json;
    }

    /**
     * A {@code display} entry of the credential. {@code name} and {@code locale} are checked strings in Type Metadata
     * (TM-3); the other members are copied as the document has them, since only a wallet interprets them.
     *
     * @param locale          null only for the entry made from the Type Metadata {@code name}; then omitted
     * @param description     null when absent (then omitted), likewise {@code logo} and the colours
     */
    public record Display(String name, String locale, Object description, Logo logo, Object backgroundColor, Object textColor) {

        public static final String NAME = "name";
        public static final String LOCALE = "locale";
        public static final String DESCRIPTION = "description";
        public static final String LOGO = "logo";
        public static final String BACKGROUND_COLOR = "background_color";
        public static final String TEXT_COLOR = "text_color";
        /** Type Metadata keeps logo and colours under {@code rendering.simple} (SD-JWT VC §4.5.1). */
        static final String RENDERING = "rendering";
        static final String SIMPLE = "simple";

        public Display {
            Objects.requireNonNull(name, NAME);
        }

        static Display of(Map<String, Object> entry) {
            Logo logo = null;
            Object backgroundColor = null;
            Object textColor = null;
            if (entry.get(RENDERING) instanceof Map<?, ?> rendering && rendering.get(SIMPLE) instanceof Map<?, ?> simple) {
                if (simple.get(LOGO) instanceof Map<?, ?> typeLogo) logo = new Logo(typeLogo.get(Logo.URI), typeLogo.get(Logo.ALT_TEXT));
                backgroundColor = simple.get(BACKGROUND_COLOR);
                textColor = simple.get(TEXT_COLOR);
            }
            return new Display((String) entry.get(NAME), (String) entry.get(LOCALE), entry.get(DESCRIPTION), logo, backgroundColor, textColor);
        }

        public Map<String, Object> toJSONObject() {
            var json = new LinkedHashMap<String, Object>();
            json.put(NAME, name);
            if (locale != null) json.put(LOCALE, locale);
            if (description != null) json.put(DESCRIPTION, description);
            if (logo != null) json.put(LOGO, logo.toJSONObject());
            if (backgroundColor != null) json.put(BACKGROUND_COLOR, backgroundColor);
            if (textColor != null) json.put(TEXT_COLOR, textColor);
            return json;
        }
    }

    /**
     * The {@code logo} of a display entry, copied from Type Metadata.
     *
     * @param uri     always written, {@code null} included, as the document has it
     * @param altText omitted when null
     */
    public record Logo(Object uri, Object altText) {

        public static final String URI = "uri";
        public static final String ALT_TEXT = "alt_text";

        public Map<String, Object> toJSONObject() {
            var json = new LinkedHashMap<String, Object>();
            json.put(URI, uri);
            if (altText != null) json.put(ALT_TEXT, altText);
            return json;
        }
    }

    /**
     * A {@code claims} entry: the claims path pointer, whether the claim is always present, its labels.
     *
     * @param path strings, {@code null} (every array element) and non-negative integers
     * @param mandatory written only when true (false is the default)
     * @param display omitted when empty
     */
    public record Claim(List<Object> path, boolean mandatory, List<ClaimDisplay> display) {

        public static final String PATH = "path";
        public static final String MANDATORY = "mandatory";

        public Claim {
            // List.copyOf refuses null, and null is a path element (all elements of an array)
            path = Collections.unmodifiableList(new ArrayList<>(path));
            display = List.copyOf(display);
        }

        static Claim of(ClaimMetadata claim) {
            var display = new ArrayList<ClaimDisplay>();
            for (Map<String, Object> d : claim.display()) display.add(new ClaimDisplay((String) d.get("label"), (String) d.get(Display.LOCALE)));
            return new Claim(claim.path(), claim.mandatory(), display);
        }

        public Map<String, Object> toJSONObject() {
            var json = new LinkedHashMap<String, Object>();
            json.put(PATH, path);
            if (mandatory) json.put(MANDATORY, true);
            if (!display.isEmpty()) json.put(DISPLAY, display.stream().map(ClaimDisplay::toJSONObject).toList());
            return json;
        }
    }

    /** A claim's label in one locale; both are checked strings in Type Metadata (TM-4). */
    public record ClaimDisplay(String name, String locale) {

        public ClaimDisplay {
            Objects.requireNonNull(name, Display.NAME);
            Objects.requireNonNull(locale, Display.LOCALE);
        }

        /** Name first, like the credential's display entries (the order a person reads them in). */
        public Map<String, Object> toJSONObject() {
            var json = new LinkedHashMap<String, Object>();
            json.put(Display.NAME, name);
            json.put(Display.LOCALE, locale);
            return json;
        }
    }
}
