package io.github.vciconnector.metadata;

import io.github.vciconnector.config.ConnectorProperties;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issuer and AS metadata built from configuration (checklist C, D, R.3) and the issuer identifier rules (VCI-MD-1/2). */
class IssuerMetadataTest {

    private static final CredentialConfigurations CONFIGURATIONS = new CredentialConfigurations(List.of(new CredentialConfiguration(
            "IdentityCredential", "identity_credential",
            TypeMetadata.parse(CredentialConfigurationsLoaderTest.DOCUMENT.getBytes(StandardCharsets.UTF_8)), Duration.ofDays(30))));

    @Test
    void metadataWhenHaipStrictThenKeyAttestationRequiredOnBothProofTypesAndDisplayFromTypeMetadata() {
        var connector = new ConnectorProperties(URI.create("https://issuer.example.com/"));
        Map<String, Object> metadata = CredentialIssuerMetadata.of(connector, CONFIGURATIONS, new WalletTrustPolicy(true, true, 10)).toJSONObject();

        assertThat(metadata).containsEntry("credential_issuer", "https://issuer.example.com")
                .containsEntry("nonce_endpoint", "https://issuer.example.com/oidc4vci/nonce")
                .containsEntry("batch_credential_issuance", Map.of("batch_size", 10));
        @SuppressWarnings("unchecked")
        var configuration = (Map<String, Object>) ((Map<String, Object>) metadata.get("credential_configurations_supported")).get("IdentityCredential");
        assertThat(configuration).containsEntry("format", "dc+sd-jwt").containsEntry("scope", "identity_credential")
                .containsEntry("cryptographic_binding_methods_supported", List.of("jwk"));
        assertThat(configuration.get("proof_types_supported").toString())
                .contains("jwt").contains("attestation").contains("key_attestations_required");  // EUDI-4
        assertThat(configuration.get("credential_metadata").toString())
                .contains("name=Identity Credential").contains("name=Given name");  // Type Metadata label -> name
    }

    @Test
    void metadataWhenTypeMetadataUsesLegacyLangThenCredentialMetadataSaysLocale() {
        var configurations = new CredentialConfigurations(List.of(new CredentialConfiguration("IdentityCredential",
                "identity_credential", TypeMetadata.parse(CredentialConfigurationsLoaderTest.GUIDE_DOCUMENT.getBytes(StandardCharsets.UTF_8)),
                Duration.ofDays(30))));
        Map<String, Object> metadata = CredentialIssuerMetadata.of(new ConnectorProperties(URI.create("https://issuer.example.com")),
                configurations, new WalletTrustPolicy(true, true, 10)).toJSONObject();

        @SuppressWarnings("unchecked")
        var configuration = (Map<String, Object>) ((Map<String, Object>) metadata.get("credential_configurations_supported")).get("IdentityCredential");
        // OID4VCI §12.2.4 display objects use locale; the legacy Type Metadata spelling never reaches wallets.
        assertThat(configuration.get("credential_metadata")).isEqualTo(Map.of(
                "display", List.of(Map.of("name", "Identity Credential", "locale", "en-US")),
                "claims", List.of(
                        Map.of("path", List.of("given_name"), "display", List.of(Map.of("name", "Given name", "locale", "en-US"))),
                        Map.of("path", List.of("family_name"), "display", List.of(Map.of("name", "Family name", "locale", "en-US"))))));
    }

    @Test
    void asMetadataWhenHaipStrictThenAttestationAuthAndNoAnonymousAccess() {
        var connector = new ConnectorProperties(URI.create("https://issuer.example.com"));
        Map<String, Object> metadata = AuthorizationServerMetadata.of(connector, new WalletTrustPolicy(true, true, 10)).toJSONObject();
        assertThat(metadata).containsEntry("issuer", "https://issuer.example.com")
                .containsEntry("token_endpoint_auth_methods_supported", List.of("attest_jwt_client_auth"))
                .containsEntry("pre-authorized_grant_anonymous_access_supported", false)
                .containsEntry("dpop_signing_alg_values_supported", List.of("ES256"));
    }

    @Test
    void asMetadataWhenAuthorizationCodeFlowOffThenNoneOfItsMembers() {
        var connector = new ConnectorProperties(URI.create("https://issuer.example.com"));
        Map<String, Object> metadata = AuthorizationServerMetadata.of(connector, new WalletTrustPolicy(true, true, 10), List.of()).toJSONObject();

        assertThat(metadata).doesNotContainKeys("authorization_endpoint", "pushed_authorization_request_endpoint",
                        "require_pushed_authorization_requests", "code_challenge_methods_supported", "scopes_supported")
                .containsEntry("grant_types_supported", List.of("urn:ietf:params:oauth:grant-type:pre-authorized_code"));
    }

    @Test
    void asMetadataWhenAuthorizationCodeFlowOnThenParPkceAndIssAdvertised() {
        var connector = new ConnectorProperties(URI.create("https://issuer.example.com/tenant"));
        Map<String, Object> metadata = AuthorizationServerMetadata.of(connector, new WalletTrustPolicy(true, true, 10), List.of("identity_credential")).toJSONObject();

        // DESIGN §10, HAIP §4: what Multipaz and the OIDF HAIP plan look for
        assertThat(metadata).containsEntry("authorization_endpoint", "https://issuer.example.com/tenant/oidc4vci/authorize")
                .containsEntry("pushed_authorization_request_endpoint", "https://issuer.example.com/tenant/oidc4vci/par")
                .containsEntry("require_pushed_authorization_requests", true)
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("authorization_response_iss_parameter_supported", true)
                .containsEntry("authorization_details_types_supported", List.of("openid_credential"))
                .containsEntry("scopes_supported", List.of("identity_credential"))
                .containsEntry("grant_types_supported", List.of("urn:ietf:params:oauth:grant-type:pre-authorized_code", "authorization_code"));
    }

    @Test
    void wellKnownPathWhenIssuerHasPathThenInsertedBetweenHostAndPath() {
        var connector = new ConnectorProperties(URI.create("https://h.example/tenant"));
        assertThat(connector.wellKnownPath("openid-credential-issuer")).isEqualTo("/.well-known/openid-credential-issuer/tenant");
        assertThat(connector.endpoint("/oidc4vci/token")).hasToString("https://h.example/tenant/oidc4vci/token");
    }

    @Test
    void issuerIdentifierWhenPlainHttpOnAnotherHostThenRefused() {
        assertThatThrownBy(() -> new ConnectorProperties(URI.create("http://issuer.example.com")))
                .hasMessageContaining("CONNECTOR_PUBLIC_BASE_URL");
        assertThatThrownBy(() -> new ConnectorProperties(URI.create("https://issuer.example.com?x=1")))
                .hasMessageContaining("query");
        assertThat(new ConnectorProperties(URI.create("http://localhost:8080")).issuerIdentifier()).isEqualTo("http://localhost:8080");
    }
}
