package io.github.vciconnector.sdjwt;

import java.util.Locale;

/**
 * How a claim may be disclosed: the {@code sd} values of SD-JWT VC Type Metadata claim metadata (TM-4, TM-5).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-sd-jwt-vc#section-4.6.3">SD-JWT VC §4.6.3</a>
 */
public enum SelectiveDisclosure {
    /** The claim is always issued as a Disclosure. */
    ALWAYS,
    /** The issuer may choose; this connector issues it as a Disclosure. */
    ALLOWED,
    /** The claim is always issued in plaintext. */
    NEVER;

    /** The Type Metadata default when {@code sd} is absent. */
    public static final SelectiveDisclosure DEFAULT = ALLOWED;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a claim with this value is written as a Disclosure rather than in plaintext. */
    public boolean disclosable() {
        return this != NEVER;
    }

    /** Parses the Type Metadata {@code sd} value; matching is case-sensitive as in the spec. */
    public static SelectiveDisclosure fromWire(String value) {
        for (SelectiveDisclosure sd : values()) {
            if (sd.wireValue().equals(value)) return sd;
        }
        throw new IllegalArgumentException("unknown sd value");
    }
}
