package io.github.vciconnector.metadata;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.config.ConnectorProperties;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed metadata documents write their members in wire order, with each optional member present exactly when
 * the configuration calls for it (OID4VCI 1.0 §12.2.4, RFC 8414).
 */
class MetadataDocumentTypesTest {

    private static final ConnectorProperties CONNECTOR = new ConnectorProperties(URI.create("https://issuer.example.com"));

    private static CredentialConfigurations configurations(String typeMetadata) {
        return new CredentialConfigurations(List.of(new CredentialConfiguration("IdentityCredential", "identity_credential",
                TypeMetadata.parse(typeMetadata.getBytes(StandardCharsets.UTF_8)), Duration.ofDays(30))));
    }

    private static String issuerMetadata(String typeMetadata, WalletTrustPolicy trust) {
        return JSONObjectUtils.toJSONString(CredentialIssuerMetadata.of(CONNECTOR, configurations(typeMetadata), trust).toJSONObject());
    }

    @Test
    void issuerMetadataWhenKeyAttestationRequiredAndBatchThenBothProofTypesAndBatchSizeInWireOrder() {
        assertThat(issuerMetadata(CredentialConfigurationsLoaderTest.DOCUMENT, new WalletTrustPolicy(true, true, 10))).isEqualTo(
                "{\"credential_issuer\":\"https://issuer.example.com\",\"credential_endpoint\":\"https://issuer.example.com/oidc4vci/credential\","
                        + "\"nonce_endpoint\":\"https://issuer.example.com/oidc4vci/nonce\","
                        + "\"notification_endpoint\":\"https://issuer.example.com/oidc4vci/notification\","
                        + "\"batch_credential_issuance\":{\"batch_size\":10},\"credential_configurations_supported\":{\"IdentityCredential\":{"
                        + "\"format\":\"dc+sd-jwt\",\"scope\":\"identity_credential\",\"vct\":\"urn:example:identity-credential:1\","
                        + "\"cryptographic_binding_methods_supported\":[\"jwk\"],\"credential_signing_alg_values_supported\":[\"ES256\"],"
                        + "\"proof_types_supported\":{\"jwt\":{\"proof_signing_alg_values_supported\":[\"ES256\"],\"key_attestations_required\":{}},"
                        + "\"attestation\":{\"proof_signing_alg_values_supported\":[\"ES256\"],\"key_attestations_required\":{}}},"
                        + "\"credential_validity\":{\"seconds\":2592000,\"revocation\":\"token_status_list\"},"
                        + "\"credential_metadata\":{\"display\":[{\"name\":\"Identity Credential\",\"locale\":\"en-US\"}],"
                        + "\"claims\":[{\"path\":[\"given_name\"],\"mandatory\":true,\"display\":[{\"name\":\"Given name\",\"locale\":\"en-US\"}]},"
                        + "{\"path\":[\"nationalities\",null]}]}}}}");
    }

    @Test
    void issuerMetadataWhenKeyAttestationLevelsConfiguredThenBothProofTypesAdvertiseThem() {
        var trust = new WalletTrustPolicy(true, true, 10, List.of("iso_18045_high"), List.of("iso_18045_high", "iso_18045_moderate"));

        String levels = "\"key_attestations_required\":{\"key_storage\":[\"iso_18045_high\"],"
                + "\"user_authentication\":[\"iso_18045_high\",\"iso_18045_moderate\"]}";
        assertThat(issuerMetadata(CredentialConfigurationsLoaderTest.DOCUMENT, trust))
                .contains("\"jwt\":{\"proof_signing_alg_values_supported\":[\"ES256\"]," + levels + "}")
                .contains("\"attestation\":{\"proof_signing_alg_values_supported\":[\"ES256\"]," + levels + "}");
    }

    @Test
    void issuerMetadataWhenOnlyKeyStorageConfiguredThenUserAuthenticationLeftOut() {
        var trust = new WalletTrustPolicy(true, true, 10, List.of("iso_18045_moderate"), List.of());

        assertThat(issuerMetadata(CredentialConfigurationsLoaderTest.DOCUMENT, trust))
                .contains("\"key_attestations_required\":{\"key_storage\":[\"iso_18045_moderate\"]}").doesNotContain("user_authentication");
    }

    @Test
    void issuerMetadataWhenOneCredentialPerRequestAndNoKeyAttestationThenNoBatchMemberAndJwtProofOnly() {
        String json = issuerMetadata(CredentialConfigurationsLoaderTest.DOCUMENT, new WalletTrustPolicy(false, false, 1));

        assertThat(json).doesNotContain("batch_credential_issuance").doesNotContain("attestation").doesNotContain("key_attestations_required")
                .contains("\"proof_types_supported\":{\"jwt\":{\"proof_signing_alg_values_supported\":[\"ES256\"]}}");
    }

    @Test
    void credentialMetadataWhenRenderingSimpleThenLogoAndColoursCopiedAfterDescription() {
        String typeMetadata = "{\"vct\":\"urn:x\",\"display\":[{\"locale\":\"de-DE\",\"name\":\"Nachweis\",\"description\":\"<b>&</b>\","
                + "\"rendering\":{\"simple\":{\"text_color\":\"#FFFFFF\",\"logo\":{\"alt_text\":\"Logo\",\"uri\":\"https://l.example/a.png\"},"
                + "\"background_color\":\"#12107c\"}}}]}";

        assertThat(issuerMetadata(typeMetadata, new WalletTrustPolicy(false, false, 1)))
                .contains("\"credential_metadata\":{\"display\":[{\"name\":\"Nachweis\",\"locale\":\"de-DE\",\"description\":\"<b>&</b>\","
                        + "\"logo\":{\"uri\":\"https://l.example/a.png\",\"alt_text\":\"Logo\"},\"background_color\":\"#12107c\","
                        + "\"text_color\":\"#FFFFFF\"}]}}}}");
    }

    @Test
    void credentialMetadataWhenNoDisplayButATypeNameThenThatNameAloneAndNoClaims() {
        assertThat(issuerMetadata("{\"vct\":\"urn:x\",\"name\":\"Identity\"}", new WalletTrustPolicy(false, false, 1)))
                .endsWith("\"credential_metadata\":{\"display\":[{\"name\":\"Identity\"}]}}}}");
        assertThat(issuerMetadata("{\"vct\":\"urn:x\"}", new WalletTrustPolicy(false, false, 1)))
                .endsWith("\"credential_metadata\":{\"display\":[]}}}}");
    }

    @Test
    void authorizationServerMetadataWhenWalletAttestationRequiredThenAttestationAuthOnlyInWireOrder() {
        assertThat(JSONObjectUtils.toJSONString(AuthorizationServerMetadata.of(CONNECTOR, new WalletTrustPolicy(true, true, 10)).toJSONObject()))
                .isEqualTo("{\"issuer\":\"https://issuer.example.com\",\"token_endpoint\":\"https://issuer.example.com/oidc4vci/token\","
                        + "\"grant_types_supported\":[\"urn:ietf:params:oauth:grant-type:pre-authorized_code\"],\"response_types_supported\":[\"code\"],"
                        + "\"dpop_signing_alg_values_supported\":[\"ES256\"],\"token_endpoint_auth_methods_supported\":[\"attest_jwt_client_auth\"],"
                        + "\"pre-authorized_grant_anonymous_access_supported\":false,\"client_attestation_signing_alg_values_supported\":[\"ES256\"],"
                        + "\"client_attestation_pop_signing_alg_values_supported\":[\"ES256\"]}");
    }

    @Test
    void authorizationServerMetadataWhenWalletAttestationOptionalThenPublicClientsAndAnonymousAccess() {
        var metadata = AuthorizationServerMetadata.of(CONNECTOR, new WalletTrustPolicy(false, true, 10));

        assertThat(metadata.tokenEndpointAuthMethodsSupported()).containsExactly("none", "attest_jwt_client_auth");
        assertThat(metadata.toJSONObject()).containsEntry("pre-authorized_grant_anonymous_access_supported", true);
    }
}
