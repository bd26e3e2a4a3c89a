package io.github.vciconnector.session;

import java.util.Optional;

/**
 * The key of the pre-authorized-code and access-token indexes: a 256-bit digest of a secret token (SHA-256 of the
 * code, a keyed HMAC-SHA256 of the access token), 43 base64url characters. The secret itself is never stored; the
 * type keeps a token, an id or a truncated value from being passed where the index expects a hash.
 *
 * @param value the 43 characters, canonical base64url without padding
 */
public record TokenHash(String value) {

    private static final int BYTES = 32;

    public TokenHash {
        if (!OfferId.isCanonical(value, BYTES)) throw new IllegalArgumentException("a token hash is 43 base64url characters");
    }

    /** The hash in {@code value}, or empty when it is not one (no index entry can have it). */
    public static Optional<TokenHash> parse(String value) {
        return OfferId.isCanonical(value, BYTES) ? Optional.of(new TokenHash(value)) : Optional.empty();
    }
}
