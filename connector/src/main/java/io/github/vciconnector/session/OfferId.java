package io.github.vciconnector.session;

import java.util.Base64;
import java.util.Optional;

/**
 * The id of an offer: 128 random bits as 22 base64url characters ({@link OfferSecrets#newOfferId}, VCI-OFR-3). It
 * checks itself, so a store port never sees a malformed id; {@link #parse} is for ids that arrive from outside (a
 * management URL, a store index), where a malformed one simply names no offer.
 *
 * @param value the 22 characters, canonical base64url without padding
 */
public record OfferId(String value) {

    private static final int BYTES = 16;

    public OfferId {
        if (!isCanonical(value, BYTES)) throw new IllegalArgumentException("an offer id is 22 base64url characters");
    }

    /** The id in {@code value}, or empty when it is not one (no offer can have it). */
    public static Optional<OfferId> parse(String value) {
        return isCanonical(value, BYTES) ? Optional.of(new OfferId(value)) : Optional.empty();
    }

    /** The bare id, as it appears in logs, URLs and the stored session. */
    @Override
    public String toString() {
        return value;
    }

    /**
     * True when {@code value} is base64url without padding of exactly {@code bytes} bytes, written the one way an
     * encoder writes them (no set bits past the last byte), so two spellings never name the same value.
     */
    static boolean isCanonical(String value, int bytes) {
        if (value == null || value.length() != (bytes * 4 + 2) / 3) return false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!base64url) return false;
        }
        byte[] decoded = Base64.getUrlDecoder().decode(value);
        return decoded.length == bytes && Base64.getUrlEncoder().withoutPadding().encodeToString(decoded).equals(value);
    }
}
