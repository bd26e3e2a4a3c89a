package io.github.vciconnector.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a compact ES256 JWS from free-form header and claims maps. The header is written as given (no Nimbus
 * validation), so tests can forge malformed proofs: a private {@code jwk}, a missing {@code typ}, a {@code jwk}
 * that is not the signing key, and so on.
 */
public final class SignedJwtBuilder {

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private ECKey signingKey;

    /** Starts a JWS signed with {@code signingKey} (private EC P-256) and header {@code alg=ES256}. */
    public SignedJwtBuilder(ECKey signingKey) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        header.put("alg", JWSAlgorithm.ES256.getName());
    }

    /** Sets a header parameter; {@code null} removes it. */
    public SignedJwtBuilder header(String name, Object value) {
        put(header, name, value);
        return this;
    }

    /** Sets a claim; {@code null} removes it. */
    public SignedJwtBuilder claim(String name, Object value) {
        put(claims, name, value);
        return this;
    }

    /** Signs with a different key than the one given at construction (the {@code jwk} header stays as it is). */
    public SignedJwtBuilder signWith(ECKey key) {
        this.signingKey = Objects.requireNonNull(key, "key");
        return this;
    }

    public Map<String, Object> header() {
        return Map.copyOf(header);
    }

    public Map<String, Object> claims() {
        return Map.copyOf(claims);
    }

    /** Serializes and signs: {@code base64url(header).base64url(claims).base64url(signature)}. */
    public String build() {
        String signingInput = Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "."
                + Base64URL.encode(JSONObjectUtils.toJSONString(claims));
        try {
            // The serialized header above is what gets signed, whatever alg it claims (tests forge odd headers)
            byte[] signature = WalletEs256.sign(signingKey, signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64URL.encode(signature);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign JWT", e);
        }
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value == null) {
            map.remove(name);
        } else {
            map.put(name, value);
        }
    }
}
