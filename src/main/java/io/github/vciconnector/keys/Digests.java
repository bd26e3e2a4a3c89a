package io.github.vciconnector.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * SHA-256 as the store indexes secrets by it (pre-authorized codes, access tokens, idempotency keys: the raw values
 * are never stored), and the constant-time comparison every secret or hash comparison uses.
 */
public final class Digests {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Digests() {
    }

    /** base64url(SHA-256(UTF-8 of {@code value})), without padding. */
    public static String sha256(String value) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Constant-time equality of two strings; false when either is null. */
    public static boolean sameHash(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
