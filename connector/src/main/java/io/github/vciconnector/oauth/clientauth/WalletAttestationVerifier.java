package io.github.vciconnector.oauth.clientauth;

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
import io.github.vciconnector.keys.Digests;
import io.github.vciconnector.keys.AttestationStatus;
import io.github.vciconnector.keys.AttestationStatusException;
import io.github.vciconnector.keys.AttestationStatusProperties;
import io.github.vciconnector.keys.X509ChainValidator;
import io.github.vciconnector.session.SingleUseChecker;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Attestation-based client authentication at the token endpoint (ABCA -07 and -08+, OID4VCI App. E, HAIP §4.4.1):
 * a Client Attestation JWT signed by a trusted wallet provider ({@code x5c}) and a PoP JWT signed by the wallet
 * instance key in its {@code cnf.jwk}. Every failure is {@code invalid_client} with a precise description.
 */
public class WalletAttestationVerifier implements ClientAuthentication {

    public static final String ATTESTATION_HEADER = "oauth-client-attestation";
    public static final String POP_HEADER = "oauth-client-attestation-pop";
    static final JOSEObjectType ATTESTATION_TYPE = new JOSEObjectType("oauth-client-attestation+jwt");
    static final JOSEObjectType POP_TYPE = new JOSEObjectType("oauth-client-attestation-pop+jwt");
    private static final int MAX_JWT_CHARS = 16 * 1024;

    private final X509ChainValidator trustAnchors;
    private final SingleUseChecker store;
    private final Clock clock;
    private final WalletAttestationProperties properties;
    private final String issuer;
    private final boolean required;
    private final AttestationStatus status;

    /** @param required false only for development wallets (DESIGN §7a); present attestations are checked anyway */
    public WalletAttestationVerifier(X509ChainValidator trustAnchors, SingleUseChecker store, Clock clock,
                                     WalletAttestationProperties properties, String issuer, boolean required) {
        this(trustAnchors, store, clock, properties, issuer, required, new AttestationStatus(AttestationStatusProperties.defaults(), clock));
    }

    /** @param status checks a {@code status.status_list} reference of the attestation (Token Status List) */
    public WalletAttestationVerifier(X509ChainValidator trustAnchors, SingleUseChecker store, Clock clock,
                                     WalletAttestationProperties properties, String issuer, boolean required,
                                     AttestationStatus status) {
        this.status = status;
        this.trustAnchors = trustAnchors;
        this.store = store;
        this.clock = clock;
        this.properties = properties;
        this.issuer = issuer;
        this.required = required;
    }

    /**
     * Checks both headers, signatures and chain included, without writing anything; the returned proof records the
     * PoP {@code jti}, so the caller consumes it last and a refused request neither burns it nor stores anything.
     */
    @Override
    public SingleUseProof authenticate(Map<String, List<String>> headers, String formClientId) {
        List<String> attestations = headers.getOrDefault(ATTESTATION_HEADER, List.of());
        List<String> pops = headers.getOrDefault(POP_HEADER, List.of());
        if (attestations.isEmpty() && pops.isEmpty()) {
            if (required) throw invalid("wallet attestation is required: send OAuth-Client-Attestation and OAuth-Client-Attestation-PoP");
            return SingleUseProof.NONE; // relaxed mode: anonymous development wallet
        }
        // ABCA-1: exactly one of each.
        if (attestations.size() != 1) throw invalid("exactly one OAuth-Client-Attestation header is required");
        if (pops.size() != 1) throw invalid("exactly one OAuth-Client-Attestation-PoP header is required");
        var times = new JwtTimes(clock.instant(), properties.allowedClockSkew());
        CompactJws attestation = parse(attestations.get(0), "client attestation");
        JWTClaimsSet attestationClaims = claims(attestation, "client attestation");
        String clientId = verifyAttestation(attestation, attestationClaims, times);
        ECKey instanceKey = instanceKey(attestationClaims);
        // ABCA-4: a client_id form parameter names the attested client.
        if (formClientId != null && !formClientId.equals(clientId)) throw invalid("client_id does not match the client attestation sub");
        CompactJws pop = parse(pops.get(0), "client attestation PoP");
        JWTClaimsSet popClaims = claims(pop, "client attestation PoP");
        String jti = verifyPoP(pop, popClaims, instanceKey, clientId, times);
        try {
            // Last, since it may fetch: a revoked wallet instance is refused (Token Status List, issue 13).
            status.require(attestationClaims.getClaim("status"), trustAnchors);
        } catch (AttestationStatusException e) {
            throw invalid("client attestation " + e.getMessage());
        }
        // ABCA-5: replay detection, per instance key, for as long as the PoP iat is acceptable; fixed-size key (M-2).
        String replayKey = Digests.replayKey(thumbprint(instanceKey), jti);
        Duration window = properties.popMaxAge().plus(properties.allowedClockSkew());
        return () -> {
            if (!store.markUsed(SingleUseChecker.Kind.CLIENT_ATTESTATION_POP_JTI, replayKey, window)) throw invalid("client attestation PoP jti was already used");
        };
    }

    private String verifyAttestation(CompactJws jwt, JWTClaimsSet claims, JwtTimes times) {
        if (!jwt.hasType(ATTESTATION_TYPE)) throw invalid("client attestation typ must be oauth-client-attestation+jwt");
        if (!jwt.hasAlgorithm(JWSAlgorithm.ES256)) throw invalid("client attestation alg must be ES256");
        X509Certificate leaf;
        try {
            // ABCA-8: HAIP puts the wallet provider certificate (chain without the anchor) into x5c.
            leaf = trustAnchors.validate(jwt.header().getX509CertChain(), times.now());
        } catch (X509ChainValidator.InvalidChainException e) {
            throw invalid("client attestation is not from a trusted wallet provider: " + e.getMessage());
        }
        if (!(leaf.getPublicKey() instanceof ECPublicKey key)) throw invalid("client attestation x5c key is not an EC key");
        if (!jwt.isSignedBy(key)) throw invalid("client attestation signature is invalid");
        String sub = claims.getSubject();
        if (sub == null || sub.isBlank()) throw invalid("client attestation has no sub");
        Date exp = claims.getExpirationTime();
        if (exp == null) throw invalid("client attestation has no exp");
        if (times.hasExpired(exp)) throw invalid("client attestation has expired");
        if (times.isInFuture(claims.getIssueTime())) throw invalid("client attestation iat is in the future");
        if (times.isInFuture(claims.getNotBeforeTime())) throw invalid("client attestation is not yet valid");
        return sub;
    }

    private String verifyPoP(CompactJws jwt, JWTClaimsSet claims, ECKey instanceKey, String clientId, JwtTimes times) {
        if (!jwt.hasType(POP_TYPE)) throw invalid("client attestation PoP typ must be oauth-client-attestation-pop+jwt");
        if (!jwt.hasAlgorithm(JWSAlgorithm.ES256)) throw invalid("client attestation PoP alg must be ES256");
        // Straight from the JWK (checked to be a public P-256 key, its point checked to be on the curve by jose.Es256):
        // a JCA key made from it first cost a KeyFactory lookup and a conversion on every token request (issue 16).
        if (!jwt.isSignedBy(instanceKey)) throw invalid("client attestation PoP is not signed by the attested cnf key");
        // ABCA -07 has iss = client_id; -08 and later drop it.
        if (claims.getIssuer() != null && !claims.getIssuer().equals(clientId)) throw invalid("client attestation PoP iss does not match sub");
        if (claims.getAudience().size() != 1 || !issuer.equals(claims.getAudience().get(0))) {
            throw invalid("client attestation PoP aud must be the issuer identifier");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isEmpty() || jti.length() > 256) throw invalid("client attestation PoP has no usable jti");
        Date iat = claims.getIssueTime();
        if (iat == null) throw invalid("client attestation PoP has no iat");
        if (times.isOlderThan(iat, properties.popMaxAge())) throw invalid("client attestation PoP is too old");
        if (times.isInFuture(iat)) throw invalid("client attestation PoP iat is in the future");
        if (times.isInFuture(claims.getNotBeforeTime())) throw invalid("client attestation PoP is not yet valid");
        if (times.hasExpired(claims.getExpirationTime())) throw invalid("client attestation PoP has expired");
        return jti;
    }

    private static ECKey instanceKey(JWTClaimsSet claims) {
        try {
            Map<String, Object> cnf = claims.getJSONObjectClaim("cnf");
            Object jwk = cnf == null ? null : cnf.get("jwk");
            if (!(jwk instanceof Map)) throw invalid("client attestation has no cnf.jwk");
            @SuppressWarnings("unchecked")
            JWK key = JWK.parse((Map<String, Object>) jwk);
            if (!(key instanceof ECKey) || key.isPrivate() || !Curve.P_256.equals(((ECKey) key).getCurve())) {
                throw invalid("client attestation cnf.jwk must be a public P-256 key");
            }
            return (ECKey) key;
        } catch (ParseException e) {
            throw invalid("client attestation cnf.jwk is malformed");
        }
    }

    private static CompactJws parse(String value, String what) {
        if (value == null || value.isBlank() || value.length() > MAX_JWT_CHARS) throw invalid(what + " is not a compact JWT");
        try {
            return CompactJws.parse(value.trim());
        } catch (ParseException e) {
            throw invalid(what + " is not a signed JWT");
        }
    }

    private static JWTClaimsSet claims(CompactJws jwt, String what) {
        try {
            return jwt.claims();
        } catch (ParseException e) {
            throw invalid(what + " claims are malformed");
        }
    }

    private static String thumbprint(ECKey key) {
        try {
            return JwkThumbprint.of(key);
        } catch (JOSEException e) {
            throw invalid("client attestation cnf.jwk is unusable");
        }
    }

    private static ClientAuthenticationException invalid(String description) {
        return new ClientAuthenticationException(description);
    }
}
