package io.github.vciconnector.issuance;

import java.util.List;
import java.util.Map;

/**
 * A Credential Request (OID4VCI 1.0 §8.2), checked for shape: exactly one of the identifier fields and a
 * {@code proofs} object with exactly one proof type. Unknown parameters are ignored (VCI-CRQ-6).
 */
public record CredentialRequest(String credentialConfigurationId, String credentialIdentifier, List<?> jwtProofs) {

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
        Object jwt = ((Map<?, ?>) proofs).get("jwt");
        if (jwt == null) throw KeyProofVerifier.invalidProof("proof type is not supported, use jwt");
        if (!(jwt instanceof List)) throw invalid("proofs.jwt must be an array");
        if (((List<?>) jwt).contains(null)) throw KeyProofVerifier.invalidProof("proofs.jwt must hold compact JWTs");
        return new CredentialRequest((String) configurationId, (String) identifier, List.copyOf((List<?>) jwt));
    }

    private static CredentialRequestException invalid(String description) {
        return new CredentialRequestException(CredentialError.INVALID_CREDENTIAL_REQUEST, description);
    }
}
