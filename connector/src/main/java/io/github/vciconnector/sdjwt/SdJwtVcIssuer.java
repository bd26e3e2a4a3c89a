package io.github.vciconnector.sdjwt;

import com.authlete.sd.Disclosure;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.jose.Es256;
import io.github.vciconnector.keys.SigningKey;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates SD-JWT VCs in compact serialization, {@code <jwt>~<disclosure>~...~} without a KB-JWT (SDJWT-1), signed
 * ES256 with an {@code x5c} header (SDVC-1, SDVC-2). Thread-safe; one instance per signing key.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9901">RFC 9901 SD-JWT</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-sd-jwt-vc">SD-JWT VC</a>
 */
public final class SdJwtVcIssuer {

    /** SDVC-1: the only {@code typ} an issuer may emit; {@code vc+sd-jwt} is legacy. */
    public static final JOSEObjectType DC_SD_JWT = new JOSEObjectType("dc+sd-jwt");

    private static final long SECONDS_PER_DAY = 86_400;

    private final JWSHeader header;
    private final JWSSigner signer;
    private final DisclosureEncoder encoder;
    private final SecureRandom random;

    public SdJwtVcIssuer(SigningKey signingKey, SecureRandom random) {
        ECKey jwk = signingKey.jwk();
        if (!Curve.P_256.equals(jwk.getCurve())) throw new IllegalArgumentException("ES256 needs a P-256 signing key");
        this.header = parsedOnce(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(DC_SD_JWT)
                .keyID(jwk.getKeyID())
                .x509CertChain(jwk.getX509CertChain())
                .build());
        this.signer = Es256.signer(jwk);
        this.encoder = new DisclosureEncoder(random);
        this.random = random;
    }

    /**
     * Encodes, signs and serialises one credential. Every call uses fresh salts and decoys (SDJWT-12), so two
     * credentials with the same claims share no digest.
     *
     * @throws IllegalStateException if signing fails, which means a broken key or provider
     */
    public String issue(SdJwtVcRequest request) {
        DisclosureEncoder.Encoded encoded = encoder.encode(request.claims(), request.policy());
        JWSObject jws = new JWSObject(header, new Payload(payload(request, encoded)));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("credential signing failed", e);
        }
        // RFC 9901 does not give Disclosures an order; shuffling keeps the claim order out of the serialisation too
        List<Disclosure> disclosures = new ArrayList<>(encoded.disclosures());
        Collections.shuffle(disclosures, random);
        var sdJwt = new StringBuilder(1024).append(jws.serialize()).append('~');
        for (Disclosure disclosure : disclosures) sdJwt.append(disclosure.getDisclosure()).append('~');
        return sdJwt.toString();
    }

    private static Map<String, Object> payload(SdJwtVcRequest request, DisclosureEncoder.Encoded encoded) {
        var payload = new LinkedHashMap<String, Object>();
        // Registered claims stay in plaintext (SDVC-4); the request has already refused them as subject claims.
        if (request.issuer() != null) payload.put("iss", request.issuer());
        payload.put("vct", request.vct());
        // SDJWT-12: times rounded down to the UTC day so that batch credentials cannot be linked by iat/exp
        long issuedAt = startOfDay(request.issuedAt().getEpochSecond());
        long expiresAt = startOfDay(request.issuedAt().plus(request.validity()).getEpochSecond());
        payload.put("iat", issuedAt);
        payload.put("exp", expiresAt > issuedAt ? expiresAt : issuedAt + SECONDS_PER_DAY);
        // L-5: the RFC 7638 required members (kty, crv, x, y for EC) are exactly the public key; a wallet's kid, use,
        // key_ops, alg or x5u would otherwise be signed into the credential as the issuer's statement
        payload.put("cnf", Map.of("jwk", new LinkedHashMap<>(request.holderKey().getRequiredParams())));
        if (request.status() != null) payload.put("status", request.status());
        payload.putAll(encoded.object());
        // SDJWT-3: _sd_alg at top level only; left out with no Disclosures so the result is a plain JWT (SDVC-9)
        if (!encoded.disclosures().isEmpty()) payload.put("_sd_alg", "sha-256");
        return payload;
    }

    private static long startOfDay(long epochSecond) {
        return Math.floorDiv(epochSecond, SECONDS_PER_DAY) * SECONDS_PER_DAY;
    }

    // A parsed header keeps its Base64URL form, so each credential reuses it instead of serialising x5c again.
    private static JWSHeader parsedOnce(JWSHeader header) {
        try {
            return JWSHeader.parse(header.toBase64URL());
        } catch (ParseException e) {
            throw new IllegalArgumentException("signing key gives an unusable JWS header", e);
        }
    }
}
