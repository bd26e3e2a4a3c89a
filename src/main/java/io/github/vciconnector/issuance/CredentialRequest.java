package io.github.vciconnector.issuance;

import java.util.List;
import java.util.Map;

/**
 * A Credential Request (OID4VCI 1.0 §8.2), checked for shape: exactly one of the identifier fields and a
 * {@code proofs} object with exactly one proof type, {@code jwt} or {@code attestation}. Unknown parameters are
 * ignored (VCI-CRQ-6).
 *
 * @param proofType {@link #JWT} or {@link #ATTESTATION}
 * @param proofs    the array of that proof type, not yet checked element by element
 */
public record CredentialRequest(String credentialConfigurationId, String credentialIdentifier, String proofType,
                                List<?> proofs) {

    public static final String JWT = "jwt";
    public static final String ATTESTATION = "attestation";

    /** Parses the JSON body; throws {@link CredentialRequestException} naming what is wrong. */
    public static CredentialRequest parse(Map<String, Object> body) {
        Object configurationId = body.get("credential_configuration_id");
        Object identifier = body.get("credential_identifier");
        if ((configurationId == null) == (identifier == null)) {
            throw invalid("exactly one of credential_configuration_id and credential_identifier is required");
        }
        if (configurationId != null && !(configurationId instanceof String) || identifier != null && !(identifier instanceof String)) {
            throw invalid("credential_configuration_id and credential_identifier must be strings");
        }
        if (body.containsKey("proof")) throw invalid("proof is not an OpenID4VCI 1.0 parameter, use proofs");
        if (body.containsKey("credential_response_encryption")) {
            throw new CredentialRequestException(CredentialError.INVALID_ENCRYPTION_PARAMETERS, "response encryption is not supported");
        }
        Object proofs = body.get("proofs");
        if (proofs == null) throw KeyProofVerifier.invalidProof("proofs is required: the credential is bound to a holder key");
        if (!(proofs instanceof Map) || ((Map<?, ?>) proofs).size() != 1) {
            throw invalid("proofs must be an object with exactly one proof type");
        }
        String type = (String) ((Map<?, ?>) proofs).keySet().iterator().next();
        if (!JWT.equals(type) && !ATTESTATION.equals(type)) {
            throw KeyProofVerifier.invalidProof("proof type is not supported, use jwt or attestation");
        }
        Object array = ((Map<?, ?>) proofs).get(type);
        if (!(array instanceof List)) throw invalid("proofs." + type + " must be an array");
        if (((List<?>) array).contains(null)) throw KeyProofVerifier.invalidProof("proofs." + type + " must hold compact JWTs");
        return new CredentialRequest((String) configurationId, (String) identifier, type, List.copyOf((List<?>) array));
    }

    private static CredentialRequestException invalid(String description) {
        return new CredentialRequestException(CredentialError.INVALID_CREDENTIAL_REQUEST, description);
    }
}
