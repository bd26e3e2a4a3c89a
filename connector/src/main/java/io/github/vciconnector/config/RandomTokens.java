package io.github.vciconnector.config;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Mints unguessable base64url tokens (offer ids, access tokens) from the one {@link SecureRandom}. Lives here, beside
 * the source of randomness, because several features mint tokens and none of them should import another for it.
 */
public final class RandomTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public RandomTokens(SecureRandom random) {
        this.random = random;
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public String mint(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return B64.encodeToString(value);
    }
}
