package io.github.vciconnector.oauth.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.jose.Es256;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds DPoP proofs with real P-256 keys. The header and claims are plain maps serialized by hand, so a test can
 * produce what Nimbus' builders refuse (a private jwk, a missing typ, a wrongly typed claim).
 */
final class TestDPoPProofs {

    static final ECKey KEY = generate();
    static final ECKey OTHER_KEY = generate();

    private TestDPoPProofs() {
    }

    static Builder forRequest(String htm, URI htu, ECKey key) {
        return new Builder(htm, htu, key);
    }

    static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String ath(String accessToken) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(digest).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Builder {
        private final Map<String, Object> header = new LinkedHashMap<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private ECKey signingKey;
        private byte[] hmacSecret;

        private Builder(String htm, URI htu, ECKey key) {
            header.put("typ", "dpop+jwt");
            header.put("alg", "ES256");
            header.put("jwk", key.toPublicJWK().toJSONObject());
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("htm", htm);
            claims.put("htu", htu.toString());
            claims.put("iat", Instant.now().getEpochSecond());
            signingKey = key;
        }

        Builder issuedAt(Instant iat) {
            return claim("iat", iat.getEpochSecond());
        }

        Builder nonce(String nonce) {
            return claim("nonce", nonce);
        }

        Builder accessToken(String accessToken) {
            return claim("ath", ath(accessToken));
        }

        Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        Builder withoutClaim(String name) {
            claims.remove(name);
            return this;
        }

        Builder header(String name, Object value) {
            header.put(name, value);
            return this;
        }

        Builder withoutHeader(String name) {
            header.remove(name);
            return this;
        }

        /** Puts the full key, private part included, in the jwk header (RFC 9449 §4.3 item 7 forbids it). */
        Builder privateJwk() {
            return header("jwk", signingKey.toJSONObject());
        }

        /** Signs with a key other than the one in the jwk header. */
        Builder signedBy(ECKey other) {
            signingKey = other;
            return this;
        }

        /** A MAC instead of a signature (RFC 9449 §4.3 item 5 forbids symmetric algorithms). */
        Builder hs256(byte[] secret) {
            hmacSecret = secret;
            return header("alg", "HS256");
        }

        String build() {
            String input = Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "."
                    + Base64URL.encode(JSONObjectUtils.toJSONString(claims));
            byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
            try {
                Base64URL signature = hmacSecret != null
                        ? new MACSigner(hmacSecret).sign(new JWSHeader(JWSAlgorithm.HS256), bytes)
                        : Es256.signer(signingKey).sign(new JWSHeader(JWSAlgorithm.ES256), bytes);
                return input + "." + signature;
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
