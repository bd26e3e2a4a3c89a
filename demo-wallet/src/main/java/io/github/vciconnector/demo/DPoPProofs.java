package io.github.vciconnector.demo;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * DPoP proof JWTs (RFC 9449 §4.2, DPOP-2): header {@code typ=dpop+jwt}, {@code alg=ES256}, {@code jwk} = public key;
 * claims {@code jti}, {@code htm}, {@code htu}, {@code iat}, and {@code ath}/{@code nonce} when given.
 */
public final class DPoPProofs {

    public static final String TYPE = "dpop+jwt";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DPoPProofs() {
    }

    /** A fresh proof issued now; {@code accessToken} and {@code nonce} may be null. */
    public static String buildDPoPProof(String method, URI uri, ECKey key, String accessToken, String nonce) {
        return builder(method, uri, key, Instant.now()).claim("ath", ath(accessToken)).claim("nonce", nonce).build();
    }

    /**
     * A pre-filled builder with {@code typ}, {@code alg}, public {@code jwk}, random {@code jti}, {@code htm},
     * {@code htu} (query and fragment stripped, RFC 9449 §4.2) and {@code iat}; tests adjust it for negative cases.
     */
    public static SignedJwtBuilder builder(String method, URI uri, ECKey key, Instant issuedAt) {
        return new SignedJwtBuilder(key)
                .header("typ", TYPE)
                .header("jwk", key.toPublicJWK().toJSONObject())
                .claim("jti", randomJti())
                .claim("htm", method)
                .claim("htu", htu(uri))
                .claim("iat", issuedAt.getEpochSecond());
    }

    /** The {@code ath} value: base64url SHA-256 of the ASCII access token, or null for a null token. */
    public static String ath(String accessToken) {
        if (accessToken == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(hash).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The target URI without query and fragment, as {@code htu} must be. */
    public static String htu(URI uri) {
        String text = uri.toString();
        int end = text.length();
        int hash = text.indexOf('#');
        if (hash >= 0) {
            end = hash;
        }
        int query = text.indexOf('?');
        if (query >= 0 && query < end) {
            end = query;
        }
        return text.substring(0, end);
    }

    static String randomJti() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64URL.encode(bytes).toString();
    }
}
