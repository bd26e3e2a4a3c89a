package io.github.vciconnector.issuance;

import io.github.vciconnector.issuance.KeyProofs.AttestationProof;
import io.github.vciconnector.issuance.KeyProofs.JwtProofs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Credential Request (OID4VCI 1.0 §8.2), checked for shape: exactly one of the identifier fields and a
 * {@code proofs} object with exactly one proof type, {@code jwt} or {@code attestation}, whose array holds strings.
 * Unknown parameters are ignored (VCI-CRQ-6).
 */
public record CredentialRequest(String credentialConfigurationId, String credentialIdentifier, KeyProofs proofs) {

    public static final String CREDENTIAL_CONFIGURATION_ID = "credential_configuration_id";
    public static final String CREDENTIAL_IDENTIFIER = "credential_identifier";
    public static final String PROOFS = "proofs";
    /** The draft-era single proof, refused by name so a wallet learns why. */
    public static final String PROOF = "proof";
    public static final String CREDENTIAL_RESPONSE_ENCRYPTION = "credential_response_encryption";

    public CredentialRequest {
        if ((credentialConfigurationId == null) == (credentialIdentifier == null)) {
            throw new IllegalArgumentException("exactly one of the identifiers is required");
        }
        if (proofs == null) throw new IllegalArgumentException("proofs are required");
    }

    /** Parses the JSON body; throws {@link CredentialRequestException} naming what is wrong. */
    public static CredentialRequest parse(Map<String, Object> body) {
        Object configurationId = body.get(CREDENTIAL_CONFIGURATION_ID);
        Object identifier = body.get(CREDENTIAL_IDENTIFIER);
        if ((configurationId == null) == (identifier == null)) {
            throw invalid("exactly one of credential_configuration_id and credential_identifier is required");
        }
        if (configurationId != null && !(configurationId instanceof String) || identifier != null && !(identifier instanceof String)) {
            throw invalid("credential_configuration_id and credential_identifier must be strings");
        }
        if (body.containsKey(PROOF)) throw invalid("proof is not an OpenID4VCI 1.0 parameter, use proofs");
        if (body.containsKey(CREDENTIAL_RESPONSE_ENCRYPTION)) {
            throw new CredentialRequestException(CredentialError.INVALID_ENCRYPTION_PARAMETERS, "response encryption is not supported");
        }
        return new CredentialRequest((String) configurationId, (String) identifier, proofs(body.get(PROOFS)));
    }

    private static KeyProofs proofs(Object proofs) {
        if (proofs == null) throw KeyProofVerifier.invalidProof("proofs is required: the credential is bound to a holder key");
        if (!(proofs instanceof Map) || ((Map<?, ?>) proofs).size() != 1) {
            throw invalid("proofs must be an object with exactly one proof type");
        }
        Map.Entry<?, ?> only = ((Map<?, ?>) proofs).entrySet().iterator().next();
        Object type = only.getKey();
        if (!JwtProofs.TYPE.equals(type) && !AttestationProof.TYPE.equals(type)) {
            throw KeyProofVerifier.invalidProof("proof type is not supported, use jwt or attestation");
        }
        if (!(only.getValue() instanceof List)) throw invalid("proofs." + type + " must be an array");
        List<?> array = (List<?>) only.getValue();
        if (array.contains(null)) throw KeyProofVerifier.invalidProof("proofs." + type + " must hold compact JWTs");
        if (array.isEmpty()) throw KeyProofVerifier.invalidProof("proofs." + type + " must not be empty");
        if (AttestationProof.TYPE.equals(type)) {
            // VCI-PRF-6: exactly one key attestation.
            if (array.size() != 1 || !(array.get(0) instanceof String)) {
                throw KeyProofVerifier.invalidProof("proofs.attestation must hold exactly one key attestation");
            }
            return new AttestationProof((String) array.get(0));
        }
        var jwts = new ArrayList<String>(array.size());
        for (Object proof : array) {
            if (!(proof instanceof String)) throw KeyProofVerifier.invalidProof("proof must be a compact JWT");
            jwts.add((String) proof);
        }
        return new JwtProofs(jwts);
    }

    private static CredentialRequestException invalid(String description) {
        return new CredentialRequestException(CredentialError.INVALID_CREDENTIAL_REQUEST, description);
    }
}
