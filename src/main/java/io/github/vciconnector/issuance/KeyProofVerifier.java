package io.github.vciconnector.issuance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.keys.Es256;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Checks {@code jwt} key proofs (OID4VCI 1.0 App. F.1) and returns the holder keys in request order. All proofs of
 * one request must carry the same c_nonce, which is consumed once (single use, VCI-NONCE-5).
 */
public class KeyProofVerifier {

    static final JOSEObjectType PROOF_TYPE = new JOSEObjectType("openid4vci-proof+jwt");
    private static final int MAX_PROOF_CHARS = 16 * 1024;

    private final CNonces cNonces;
    private final Clock clock;
    private final IssuanceProperties properties;
    private final String credentialIssuer;

    public KeyProofVerifier(CNonces cNonces, Clock clock, IssuanceProperties properties, String credentialIssuer) {
        this.cNonces = cNonces;
        this.clock = clock;
        this.properties = properties;
        this.credentialIssuer = credentialIssuer;
    }

    /** Throws {@link CredentialRequestException} with {@code invalid_proof} or {@code invalid_nonce}. */
    public List<ECKey> verify(List<?> proofs) {
        if (proofs.isEmpty()) throw invalidProof("proofs.jwt must not be empty");
        if (proofs.size() > properties.batchSize()) throw invalidProof("more proofs than batch_size " + properties.batchSize());
        var keys = new ArrayList<ECKey>();
        String nonce = null;
        for (Object proof : proofs) {
            if (!(proof instanceof String) || ((String) proof).length() > MAX_PROOF_CHARS) throw invalidProof("proof must be a compact JWT");
            SignedJWT jwt = parse((String) proof);
            keys.add(verifyOne(jwt));
            String proofNonce = claims(jwt).getClaim("nonce") instanceof String ? (String) claims(jwt).getClaim("nonce") : null;
            if (proofNonce == null) throw invalidProof("proof has no nonce");
            if (nonce != null && !nonce.equals(proofNonce)) throw invalidProof("all proofs must use the same nonce");
            nonce = proofNonce;
        }
        if (new HashSet<>(keys.stream().map(ECKey::toPublicJWK).map(JWK::toJSONString).toList()).size() != keys.size()) {
            throw invalidProof("each proof must use a distinct key");
        }
        // Consumed last, so a request refused for another reason does not burn the wallet's nonce.
        if (!cNonces.consume(nonce)) throw new CredentialRequestException(CredentialError.INVALID_NONCE, "c_nonce is invalid, expired or used");
        return keys;
    }

    private ECKey verifyOne(SignedJWT jwt) {
        var header = jwt.getHeader();
        if (!PROOF_TYPE.equals(header.getType())) throw invalidProof("proof typ must be openid4vci-proof+jwt");
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) throw invalidProof("proof alg must be ES256");
        // VCI-PRF-1: exactly one of kid, jwk, x5c; without key attestation only jwk identifies a holder key.
        if (header.getKeyID() != null || header.getX509CertChain() != null) throw invalidProof("proof must identify its key by jwk only");
        if (!(header.getJWK() instanceof ECKey) || header.getJWK().isPrivate()
                || !Curve.P_256.equals(((ECKey) header.getJWK()).getCurve())) {
            throw invalidProof("proof jwk must be a public P-256 key");
        }
        ECKey key = (ECKey) header.getJWK();
        try {
            if (!jwt.verify(Es256.verifier(key))) throw invalidProof("proof signature is invalid");
        } catch (JOSEException e) {
            throw invalidProof("proof signature is invalid");
        }
        var claims = claims(jwt);
        if (claims.getAudience().size() != 1 || !credentialIssuer.equals(claims.getAudience().get(0))) {
            throw invalidProof("proof aud must be the credential issuer");
        }
        checkIssuedAt(claims.getIssueTime());
        return key;
    }

    private void checkIssuedAt(java.util.Date iat) {
        if (iat == null) throw invalidProof("proof has no iat");
        Instant issued = iat.toInstant();
        Instant now = clock.instant();
        if (issued.isBefore(now.minus(properties.proofMaxAge())) || issued.isAfter(now.plus(properties.allowedClockSkew()))) {
            throw invalidProof("proof iat is outside the accepted window");
        }
    }

    private static SignedJWT parse(String proof) {
        try {
            return SignedJWT.parse(proof);
        } catch (ParseException e) {
            throw invalidProof("proof is not a signed JWT");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return Objects.requireNonNull(jwt.getJWTClaimsSet());
        } catch (ParseException | NullPointerException e) {
            throw invalidProof("proof claims are malformed");
        }
    }

    static CredentialRequestException invalidProof(String description) {
        return new CredentialRequestException(CredentialError.INVALID_PROOF, description);
    }
}
