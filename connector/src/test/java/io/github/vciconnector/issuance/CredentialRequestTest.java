package io.github.vciconnector.issuance;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.issuance.KeyProofs.AttestationProof;
import io.github.vciconnector.issuance.KeyProofs.JwtProofs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.ParseException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CredentialRequest#parse}: the precise OID4VCI §8.3.1.2 error for every malformed shape, typed proofs otherwise. */
class CredentialRequestTest {

    @Test
    void parseWhenJwtProofsThenTypedListInRequestOrder() throws ParseException {
        var request = parse("{\"credential_configuration_id\":\"pid\",\"proofs\":{\"jwt\":[\"a.b.c\",\"d.e.f\"]},\"extra\":1}");
        assertThat(request.credentialConfigurationId()).isEqualTo("pid");
        assertThat(request.credentialIdentifier()).isNull();
        assertThat(request.proofs()).isEqualTo(new JwtProofs(List.of("a.b.c", "d.e.f")));
        assertThat(request.proofs().type()).isEqualTo("jwt");
    }

    @Test
    void parseWhenAttestationProofThenTheOneKeyAttestation() throws ParseException {
        var request = parse("{\"credential_identifier\":\"x\",\"proofs\":{\"attestation\":[\"a.b.c\"]}}");
        assertThat(request.credentialIdentifier()).isEqualTo("x");
        assertThat(request.proofs()).isEqualTo(new AttestationProof("a.b.c"));
        assertThat(request.proofs().type()).isEqualTo("attestation");
    }

    @Test
    void parseWhenTheSameProofTwiceThenBothKeptForTheVerifierToRefuse() throws ParseException {
        // Distinct keys are judged by RFC 7638 thumbprints in KeyProofVerifier; parsing must not hide the duplicate.
        var request = parse("{\"credential_configuration_id\":\"pid\",\"proofs\":{\"jwt\":[\"a.b.c\",\"a.b.c\"]}}");
        assertThat(((JwtProofs) request.proofs()).jwts()).containsExactly("a.b.c", "a.b.c");
    }

    @Test
    void parseWhenTheProofTypeMemberIsRepeatedThenOnlyTheLastArrayIsVerified() throws ParseException {
        // Nimbus keeps the last of repeated members, so the proofs checked are exactly the ones parse returns.
        var request = parse("{\"credential_configuration_id\":\"pid\",\"proofs\":{\"jwt\":[\"a.b.c\"],\"jwt\":[\"d.e.f\"]}}");
        assertThat(request.proofs()).isEqualTo(new JwtProofs(List.of("d.e.f")));
    }

    @Test
    void parseWhenJwtAndAttestationRepeatedAcrossTypesThenRefused() {
        assertThatThrownBy(() -> parse("{\"credential_configuration_id\":\"pid\",\"proofs\":{\"attestation\":[\"a\"],\"jwt\":[\"b\"],\"attestation\":[\"c\"]}}"))
                .isInstanceOfSatisfying(CredentialRequestException.class,
                        e -> assertThat(e.error()).isEqualTo(CredentialError.INVALID_CREDENTIAL_REQUEST));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{}|invalid_credential_request|exactly one of credential_configuration_id and credential_identifier is required",
            "{\"credential_configuration_id\":\"a\",\"credential_identifier\":\"b\",\"proofs\":{\"jwt\":[\"x\"]}}|invalid_credential_request|exactly one of credential_configuration_id and credential_identifier is required",
            "{\"credential_configuration_id\":7,\"proofs\":{\"jwt\":[\"x\"]}}|invalid_credential_request|credential_configuration_id and credential_identifier must be strings",
            "{\"credential_identifier\":[\"b\"],\"proofs\":{\"jwt\":[\"x\"]}}|invalid_credential_request|credential_configuration_id and credential_identifier must be strings",
            "{\"credential_configuration_id\":\"pid\",\"proof\":{\"proof_type\":\"jwt\",\"jwt\":\"x\"}}|invalid_credential_request|proof is not an OpenID4VCI 1.0 parameter, use proofs",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"jwt\":[\"x\"]},\"credential_response_encryption\":{}}|invalid_encryption_parameters|response encryption is not supported",
            "{\"credential_configuration_id\":\"pid\"}|invalid_proof|proofs is required: the credential is bound to a holder key",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":null}|invalid_proof|proofs is required: the credential is bound to a holder key",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":[\"x\"]}|invalid_credential_request|proofs must be an object with exactly one proof type",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{}}|invalid_credential_request|proofs must be an object with exactly one proof type",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"jwt\":[\"x\"],\"attestation\":[\"y\"]}}|invalid_credential_request|proofs must be an object with exactly one proof type",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"ldp_vp\":[{}]}}|invalid_proof|proof type is not supported, use jwt or attestation",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"JWT\":[\"x\"]}}|invalid_proof|proof type is not supported, use jwt or attestation",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"jwt\":\"x\"}}|invalid_credential_request|proofs.jwt must be an array",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"attestation\":{}}}|invalid_credential_request|proofs.attestation must be an array",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"jwt\":[\"x\",null]}}|invalid_proof|proofs.jwt must hold compact JWTs",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"jwt\":[]}}|invalid_proof|proofs.jwt must not be empty",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"attestation\":[]}}|invalid_proof|proofs.attestation must not be empty",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"jwt\":[\"x\",7]}}|invalid_proof|proof must be a compact JWT",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"jwt\":[{\"jwt\":\"x\"}]}}|invalid_proof|proof must be a compact JWT",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"attestation\":[\"x\",\"y\"]}}|invalid_proof|proofs.attestation must hold exactly one key attestation",
            "{\"credential_configuration_id\":\"pid\",\"proofs\":{\"attestation\":[true]}}|invalid_proof|proofs.attestation must hold exactly one key attestation",
    })
    void parseWhenMalformedThenThePreciseError(String body, String error, String description) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOfSatisfying(CredentialRequestException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(error);
                    assertThat(e.getMessage()).isEqualTo(description);
                });
    }

    @Test
    void constructWhenBothIdentifiersOrNoProofsThenRefused() {
        assertThatThrownBy(() -> new CredentialRequest("a", "b", new JwtProofs(List.of("x")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialRequest("a", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JwtProofs(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static CredentialRequest parse(String json) throws ParseException {
        Map<String, Object> body = JSONObjectUtils.parse(json);
        return CredentialRequest.parse(body);
    }
}
