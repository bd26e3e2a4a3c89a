package io.github.vciconnector.jose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The one SHA-256 of the connector (FIPS 180-4): JWS signing input (RFC 7518 §3.4), DPoP {@code ath} (RFC 9449
 * §4.2), and the hashes under which secrets are stored. A {@link MessageDigest} is not thread-safe, so each call
 * takes its own.
 */
public final class Sha256 {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Sha256() {
    }

    public static byte[] digest(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e); // every Java platform must provide it
        }
    }

    /** SHA-256 of the UTF-8 bytes of {@code value} (ASCII values hash the same as their ASCII bytes). */
    public static byte[] digest(String value) {
        return digest(value.getBytes(StandardCharsets.UTF_8));
    }

    /** base64url(SHA-256(UTF-8 of {@code value})), without padding. */
    public static String base64Url(String value) {
        return BASE64URL.encodeToString(digest(value));
    }
}
