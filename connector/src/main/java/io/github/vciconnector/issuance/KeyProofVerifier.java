package io.github.vciconnector.issuance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.vciconnector.issuance.keyattestation.KeyAttestation;
import io.github.vciconnector.issuance.keyattestation.KeyAttestationException;
import io.github.vciconnector.issuance.keyattestation.KeyAttestationVerifier;
import io.github.vciconnector.jose.CompactJws;
import io.github.vciconnector.jose.JwkThumbprint;
import io.github.vciconnector.jose.JwtTimes;

import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks key proofs (OID4VCI 1.0 App. F) and returns the holder keys, one credential each, in order: the keys of
 * plain {@code jwt} proofs in request order, or the distinct {@code attested_keys} of key attestations in their
 * order, however many proofs carry the same attestation (EUDI-5, EUDI-6). The c_nonce is consumed once, last, so a refused request does not burn it (VCI-NONCE-5).
 */
public class KeyProofVerifier {

    static final JOSEObjectType PROOF_TYPE = new JOSEObjectType("openid4vci-proof+jwt");
    /** EUDI-5: with a key attestation, kid is a decimal index into attested_keys (no leading zeros, small). */
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final int MAX_PROOF_CHARS = 48 * 1024;

    private final CNonces cNonces;
    private final KeyAttestationVerifier keyAttestations;
    private final boolean keyAttestationRequired;
    private final Clock clock;
    private final IssuanceProperties properties;
    private final String credentialIssuer;

    /** @param keyAttestationRequired false only for development wallets (DESIGN §7a): plain jwk proofs are then accepted */
    public KeyProofVerifier(CNonces cNonces, KeyAttestationVerifier keyAttestations, boolean keyAttestationRequired,
                            Clock clock, IssuanceProperties properties, String credentialIssuer) {
        this.cNonces = cNonces;
        this.keyAttestations = keyAttestations;
        this.keyAttestationRequired = keyAttestationRequired;
        this.clock = clock;
        this.properties = properties;
        this.credentialIssuer = credentialIssuer;
    }

    /** Throws {@link CredentialRequestException} with {@code invalid_proof} or {@code invalid_nonce}. */
    public List<ECKey> verify(KeyProofs proofs) {
        var keys = new ArrayList<ECKey>();
        String nonce = proofs instanceof KeyProofs.AttestationProof
                ? attestationProof(((KeyProofs.AttestationProof) proofs).keyAttestation(), keys)
                : jwtProofs(((KeyProofs.JwtProofs) proofs).jwts(), keys);
        // VCI-CRS-2 and batch_size: one credential per distinct key, never more than advertised.
        if (keys.size() > properties.batchSize()) throw invalidProof("more holder keys than batch_size " + properties.batchSize());
        if (!cNonces.consume(nonce)) throw new CredentialRequestException(CredentialError.INVALID_NONCE, "c_nonce is invalid, expired or used");
        return keys;
    }

    private KeyAttestation verifyKeyAttestation(String compact, boolean expRequired) {
        try {
            return keyAttestations.verify(compact, expRequired);
        } catch (KeyAttestationException e) {
            throw invalidProof(e.getMessage());
        }
    }

    /** VCI-PRF-6: one key attestation (its count checked by {@link CredentialRequest#parse}), bound to the c_nonce, no proof of possession. */
    private String attestationProof(String keyAttestation, List<ECKey> keys) {
        KeyAttestation attestation = verifyKeyAttestation(keyAttestation, false);
        if (attestation.nonce() == null) throw invalidProof("key attestation has no nonce");
        keys.addAll(attestation.attestedKeys());
        return attestation.nonce();
    }

    private String jwtProofs(List<String> proofs, List<ECKey> keys) {
        if (proofs.size() > properties.batchSize()) throw invalidProof("more proofs than batch_size " + properties.batchSize());
        String nonce = null;
        var signers = new HashSet<String>();
        var holderKeys = new LinkedHashMap<String, ECKey>();
        for (String proof : proofs) {
            if (proof.length() > MAX_PROOF_CHARS) throw invalidProof("proof must be a compact JWT");
            CompactJws jwt = parse(proof);
            var header = jwt.header();
            if (!jwt.hasType(PROOF_TYPE)) throw invalidProof("proof typ must be openid4vci-proof+jwt");
            if (!jwt.hasAlgorithm(JWSAlgorithm.ES256)) throw invalidProof("proof alg must be ES256");
            Object keyAttestation = header.getCustomParam("key_attestation");
            KeyAttestation attestation = null;
            ECKey signer;
            if (keyAttestation == null) {
                signer = verifyWithJwk(jwt);
                holderKeys.putIfAbsent(thumbprint(signer), signer);
            } else {
                if (!(keyAttestation instanceof String)) throw invalidProof("key_attestation must be a compact JWT");
                attestation = verifyKeyAttestation((String) keyAttestation, true);
                signer = verifyWithAttestedKey(jwt, attestation);
                // A batch may come as one proof per key, each carrying the same key attestation: the holder keys are
                // the distinct attested keys (RFC 7638 thumbprints), in attested_keys order, one credential each.
                for (ECKey attested : attestation.attestedKeys()) holderKeys.putIfAbsent(thumbprint(attested), attested);
            }
            if (!signers.add(thumbprint(signer))) throw invalidProof("each proof must use a distinct key");
            JWTClaimsSet claims = claims(jwt);
            if (claims.getAudience().size() != 1 || !credentialIssuer.equals(claims.getAudience().get(0))) {
                throw invalidProof("proof aud must be the credential issuer");
            }
            checkIssuedAt(claims.getIssueTime());
            String proofNonce = claims.getClaim("nonce") instanceof String ? (String) claims.getClaim("nonce") : null;
            if (proofNonce == null) throw invalidProof("proof has no nonce");
            // App. F.1: the key attestation nonce, when present, is the same c_nonce.
            if (attestation != null && attestation.nonce() != null && !attestation.nonce().equals(proofNonce)) {
                throw invalidProof("key attestation nonce does not match the c_nonce");
            }
            if (nonce != null && !nonce.equals(proofNonce)) throw invalidProof("all proofs must use the same nonce");
            nonce = proofNonce;
        }
        keys.addAll(holderKeys.values());
        return nonce;
    }

    /** A plain proof: the holder key is the header jwk; accepted only while key attestation is relaxed. */
    private ECKey verifyWithJwk(CompactJws jwt) {
        JWSHeader header = jwt.header();
        if (keyAttestationRequired) throw invalidProof("key attestation required: send key_attestation or the attestation proof type");
        // VCI-PRF-1: exactly one of kid, jwk, x5c; without key attestation only jwk identifies a holder key.
        if (header.getKeyID() != null || header.getX509CertChain() != null) throw invalidProof("proof must identify its key by jwk only");
        if (!(header.getJWK() instanceof ECKey) || header.getJWK().isPrivate()
                || !Curve.P_256.equals(((ECKey) header.getJWK()).getCurve())) {
            throw invalidProof("proof jwk must be a public P-256 key");
        }
        ECKey key = ((ECKey) header.getJWK()).toPublicJWK();
        verifySignature(jwt, key, "proof signature is invalid");
        return key;
    }

    /** VCI-PRF-4, EUDI-5: kid is the decimal index of the signing key in attested_keys. */
    private static ECKey verifyWithAttestedKey(CompactJws jwt, KeyAttestation attestation) {
        JWSHeader header = jwt.header();
        String kid = header.getKeyID();
        if (header.getX509CertChain() != null || (kid == null) == (header.getJWK() == null)) {
            throw invalidProof("proof with key_attestation must identify its key by kid or jwk");
        }
        ECKey signer;
        if (kid != null) {
            if (!INDEX.matcher(kid).matches() || Integer.parseInt(kid) >= attestation.attestedKeys().size()) {
                throw invalidProof("proof kid must be an index into attested_keys");
            }
            signer = attestation.attestedKeys().get(Integer.parseInt(kid));
        } else {
            if (!(header.getJWK() instanceof ECKey)) throw invalidProof("proof key is not in attested_keys");
            // RFC 7638 thumbprints: the same key with other members (kid, use, alg) is still the same key.
            String wanted = thumbprint((ECKey) header.getJWK());
            signer = attestation.attestedKeys().stream().filter(k -> thumbprint(k).equals(wanted)).findFirst()
                    .orElseThrow(() -> invalidProof("proof key is not in attested_keys"));
        }
        verifySignature(jwt, signer, "proof is not signed by the attested key it names");
        return signer;
    }

    private static String thumbprint(ECKey key) {
        try {
            return JwkThumbprint.of(key);
        } catch (JOSEException e) {
            throw invalidProof("proof key is unusable");
        }
    }

    private static void verifySignature(CompactJws jwt, ECKey key, String description) {
        if (!jwt.isSignedBy(key)) throw invalidProof(description);
    }

    private void checkIssuedAt(java.util.Date iat) {
        if (iat == null) throw invalidProof("proof has no iat");
        var times = new JwtTimes(clock.instant(), properties.allowedClockSkew());
        if (times.isOlderThan(iat, properties.proofMaxAge()) || times.isInFuture(iat)) {
            throw invalidProof("proof iat is outside the accepted window");
        }
    }

    private static CompactJws parse(String proof) {
        try {
            return CompactJws.parse(proof);
        } catch (ParseException e) {
            throw invalidProof("proof is not a signed JWT");
        }
    }

    private static JWTClaimsSet claims(CompactJws jwt) {
        try {
            return jwt.claims();
        } catch (ParseException e) {
            throw invalidProof("proof claims are malformed");
        }
    }

    static CredentialRequestException invalidProof(String description) {
        return new CredentialRequestException(CredentialError.INVALID_PROOF, description);
    }
}
