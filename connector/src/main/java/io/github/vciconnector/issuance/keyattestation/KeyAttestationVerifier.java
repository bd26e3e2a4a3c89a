package io.github.vciconnector.issuance.keyattestation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.vciconnector.jose.CompactJws;
import io.github.vciconnector.jose.JwkThumbprint;
import io.github.vciconnector.jose.JwtTimes;
import io.github.vciconnector.keys.AttestationStatus;
import io.github.vciconnector.keys.AttestationStatusException;
import io.github.vciconnector.keys.AttestationStatusProperties;
import io.github.vciconnector.keys.X509ChainValidator;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@code key-attestation+jwt} (OID4VCI 1.0 App. D, HAIP §4.5.1): ES256, {@code x5c} chained to the
 * configured key-attestation trust anchors, {@code iat}, {@code exp}, and {@code attested_keys} as public P-256
 * keys. The caller compares the {@code nonce} with the c_nonce it consumes. Failures are {@code invalid_proof}.
 */
public class KeyAttestationVerifier {

    static final JOSEObjectType TYPE = new JOSEObjectType("key-attestation+jwt");
    private static final int MAX_JWT_CHARS = 32 * 1024;
    private static final int MAX_KEYS = 100;

    private final X509ChainValidator trustAnchors;
    private final Clock clock;
    private final Duration allowedClockSkew;
    private final List<String> keyStorage;
    private final List<String> userAuthentication;

    private final AttestationStatus status;

    public KeyAttestationVerifier(X509ChainValidator trustAnchors, Clock clock, KeyAttestationProperties properties) {
        this(trustAnchors, clock, properties, new AttestationStatus(AttestationStatusProperties.defaults(), clock));
    }

    /** @param status checks a {@code status.status_list} reference of the key attestation (Token Status List) */
    public KeyAttestationVerifier(X509ChainValidator trustAnchors, Clock clock, KeyAttestationProperties properties,
                                  AttestationStatus status) {
        this.status = status;
        this.trustAnchors = trustAnchors;
        this.clock = clock;
        this.allowedClockSkew = properties.allowedClockSkew();
        this.keyStorage = properties.keyStorage();
        this.userAuthentication = properties.userAuthentication();
    }

    /**
     * @param expRequired true for the {@code key_attestation} header of a {@code jwt} proof (VCI-KA-2)
     * @throws KeyAttestationException naming the failed check (the credential endpoint's {@code invalid_proof})
     */
    public KeyAttestation verify(String compact, boolean expRequired) {
        var times = new JwtTimes(clock.instant(), allowedClockSkew);
        CompactJws jwt = parse(compact);
        if (!jwt.hasType(TYPE)) throw invalid("key attestation typ must be key-attestation+jwt");
        if (!jwt.hasAlgorithm(JWSAlgorithm.ES256)) throw invalid("key attestation alg must be ES256");
        X509Certificate leaf;
        try {
            // VCI-KA-1: HAIP puts the signing certificate (chain without the anchor, leaf not self-signed) into x5c.
            leaf = trustAnchors.validate(jwt.header().getX509CertChain(), times.now());
        } catch (X509ChainValidator.InvalidChainException e) {
            throw invalid("key attestation is not from a trusted issuer: " + e.getMessage());
        }
        if (!(leaf.getPublicKey() instanceof ECPublicKey key)) throw invalid("key attestation x5c key is not an EC key");
        if (!jwt.isSignedBy(key)) throw invalid("key attestation signature is invalid");
        JWTClaimsSet claims;
        try {
            claims = jwt.claims();
        } catch (ParseException e) {
            throw invalid("key attestation claims are malformed");
        }
        Date iat = claims.getIssueTime();
        if (iat == null) throw invalid("key attestation has no iat");
        if (times.isInFuture(iat)) throw invalid("key attestation iat is in the future");
        Date exp = claims.getExpirationTime();
        if (exp == null && expRequired) throw invalid("key attestation has no exp");
        if (times.hasExpired(exp)) throw invalid("key attestation has expired");
        Object nonce = claims.getClaim("nonce");
        if (nonce != null && !(nonce instanceof String)) throw invalid("key attestation nonce must be a string");
        requireLevel("key_storage", claims.getClaim("key_storage"), keyStorage);
        requireLevel("user_authentication", claims.getClaim("user_authentication"), userAuthentication);
        var attestation = new KeyAttestation(attestedKeys(claims.getClaim("attested_keys")), (String) nonce);
        try {
            // Last, since it may fetch: keys of a revoked key attestation get no credential (issue 13).
            status.require(claims.getClaim("status"), trustAnchors);
        } catch (AttestationStatusException e) {
            throw invalid("key attestation " + e.getMessage());
        }
        return attestation;
    }

    /**
     * VCI-MD-16 / App. D.2: {@code key_attestations_required} lists the levels the issuer accepts, so the attestation
     * must assert at least one of them; with none configured the claim is not looked at.
     */
    private static void requireLevel(String claim, Object asserted, List<String> accepted) {
        if (accepted.isEmpty()) return;
        if (asserted != null && !(asserted instanceof List)) throw invalid("key attestation " + claim + " must be an array of strings");
        List<?> levels = asserted == null ? List.of() : (List<?>) asserted;
        for (Object level : levels) {
            if (!(level instanceof String)) throw invalid("key attestation " + claim + " must be an array of strings");
        }
        if (levels.stream().noneMatch(accepted::contains)) {
            throw invalid("key attestation " + claim + " does not meet the required level (accepted: " + String.join(" ", accepted) + ")");
        }
    }

    private static List<ECKey> attestedKeys(Object value) {
        if (!(value instanceof List) || ((List<?>) value).isEmpty()) throw invalid("key attestation has no attested_keys");
        List<?> list = (List<?>) value;
        if (list.size() > MAX_KEYS) throw invalid("key attestation has too many attested_keys");
        var keys = new ArrayList<ECKey>(list.size());
        var thumbprints = new HashSet<String>();
        for (Object entry : list) {
            if (!(entry instanceof Map)) throw invalid("attested_keys must hold JWK objects");
            JWK jwk;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> json = (Map<String, Object>) entry;
                jwk = JWK.parse(json);
            } catch (ParseException e) {
                throw invalid("attested_keys holds a malformed JWK");
            }
            if (!(jwk instanceof ECKey) || jwk.isPrivate() || !Curve.P_256.equals(((ECKey) jwk).getCurve())) {
                throw invalid("attested_keys must hold public P-256 keys");
            }
            ECKey key = ((ECKey) jwk).toPublicJWK();
            try {
                if (!thumbprints.add(JwkThumbprint.of(key))) throw invalid("attested_keys must be distinct");
            } catch (JOSEException e) {
                throw invalid("attested_keys holds an unusable key");
            }
            keys.add(key);
        }
        return keys;
    }

    private static CompactJws parse(String compact) {
        if (compact == null || compact.isBlank() || compact.length() > MAX_JWT_CHARS) throw invalid("key attestation must be a compact JWT");
        try {
            return CompactJws.parse(compact);
        } catch (ParseException e) {
            throw invalid("key attestation is not a signed JWT");
        }
    }

    private static KeyAttestationException invalid(String description) {
        return new KeyAttestationException(description);
    }
}
