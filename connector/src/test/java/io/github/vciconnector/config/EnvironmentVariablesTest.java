package io.github.vciconnector.config;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import io.github.vciconnector.support.TestConnectors;
import io.github.vciconnector.web.management.ManagementApiProperties;
import io.github.vciconnector.web.port.ManagementConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * DESIGN §3 is a contract: the connector must start, in the default profile, from exactly these environment
 * variable names (Spring's relaxed binding treats map keys in variable names differently from plain properties).
 */
class EnvironmentVariablesTest {

    @TempDir
    static Path certs;
    static ConfigurableApplicationContext connector;
    static int publicPort;
    static final byte[] PREVIOUS_MASTER = new byte[32];

    @BeforeAll
    static void startFromEnvironmentVariablesOnly() throws Exception {
        assumeThat(new ProcessBuilder("which", "openssl").start().waitFor()).as("openssl is needed to create certificates").isZero();
        Process script = new ProcessBuilder("certs/generate-dev-certs.sh", certs.toString()).redirectErrorStream(true).start();
        script.getInputStream().readAllBytes();
        assertThat(script.waitFor()).isZero();
        publicPort = ConnectorIntegrationTest.freePort();
        var env = new HashMap<String, Object>();
        env.put("SERVER_PORT", Integer.toString(publicPort));
        env.put("CONNECTOR_PUBLIC_BASE_URL", "http://localhost:" + publicPort);
        env.put("CONNECTOR_MANAGEMENT_PORT", "0");
        env.put("CONNECTOR_CERTIFICATES_SIGNING_CERT_PATH", certs.resolve("signing.pem").toString());
        env.put("CONNECTOR_CERTIFICATES_SIGNING_KEY_PATH", certs.resolve("signing.key").toString());
        env.put("CONNECTOR_CERTIFICATES_ACCESS_CERT_PATH", certs.resolve("access.pem").toString());
        env.put("CONNECTOR_CERTIFICATES_ACCESS_KEY_PATH", certs.resolve("access.key").toString());
        env.put("CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS", certs.resolve("wallet-provider-ca.pem").toString());
        env.put("CONNECTOR_KEY_ATTESTATION_TRUST_ANCHORS", certs.resolve("wallet-provider-ca.pem").toString());
        env.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_VCT_SOURCE", "local");
        env.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_VCT_FILEPATH", "type-metadata/identity-credential.json");
        env.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_SCOPE", "identity_credential");
        env.put("CONNECTOR_OFFERS_DEFAULT_TTL", "7m");
        env.put("CONNECTOR_OFFERS_MAX_TTL", "1h");
        env.put("CONNECTOR_SESSION_STORE", "memory");
        env.put("CONNECTOR_MANAGEMENT_ALLOWED_HOSTS", "localhost,connector");
        env.put("CONNECTOR_MANAGEMENT_ALLOWED_ORIGINS", "https://admin.example.com,http://localhost:9000");
        env.put("CONNECTOR_SECRETS_KEY_FILE", certs.resolve("master.key").toString());
        env.put("CONNECTOR_AUTHORIZATION_LOGIN_URL", "https://backend.example/login?tenant=a");
        env.put("CONNECTOR_AUTHORIZATION_REQUEST_URI_LIFETIME", "45s");
        env.put("CONNECTOR_AUTHORIZATION_LIFETIME", "7m");
        env.put("CONNECTOR_AUTHORIZATION_CODE_LIFETIME", "30s");
        new java.security.SecureRandom().nextBytes(PREVIOUS_MASTER);
        env.put("CONNECTOR_SECRETS_PREVIOUS_KEY", java.util.Base64.getEncoder().encodeToString(PREVIOUS_MASTER));
        env.put("CONNECTOR_STATUS_LIST_PUBLISH_DELAY", "3s");
        env.put("CONNECTOR_STATUS_LIST_SIZE", "4096");
        connector = TestConnectors.withEnvironment(env);
    }

    @AfterAll
    static void stop() {
        if (connector != null) connector.close();
    }

    @Test
    void metadataWhenConfiguredByEnvironmentThenOffersTheConfigurationWithItsScope() throws Exception {
        Map<String, Object> metadata = JSONObjectUtils.parse(get("http://localhost:" + publicPort + "/.well-known/openid-credential-issuer"));
        Map<String, Object> configurations = JSONObjectUtils.getJSONObject(metadata, "credential_configurations_supported");
        assertThat(configurations).hasSize(1);
        String id = configurations.keySet().iterator().next();
        assertThat(id).isEqualToIgnoringCase("IdentityCredential");
        assertThat(JSONObjectUtils.getJSONObject(configurations, id)).containsEntry("scope", "identity_credential");
    }

    @Test
    void offerWhenBackendSendsIdentityCredentialThenCreatedWithConfiguredDefaultLifetime() throws Exception {
        int managementPort = connector.getBean(ManagementConnector.class).localPort();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/offers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"credential_configuration_id": "IdentityCredential",
                         "claims": {"given_name": "Erika", "family_name": "Mustermann"}}""")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var created = JSONObjectUtils.parse(response.body());
        var expiresAt = java.time.Instant.parse((String) created.get("expires_at"));
        assertThat(java.time.Duration.between(java.time.Instant.now(), expiresAt).toMinutes()).isBetween(6L, 7L);
    }

    @Test
    void statusListWhenConfiguredByEnvironmentThenBound() {
        var statusList = connector.getBean(io.github.vciconnector.status.StatusListProperties.class);

        assertThat(statusList.publishDelay()).isEqualTo(java.time.Duration.ofSeconds(3));
        assertThat(statusList.size()).isEqualTo(4096);
    }

    @Test
    void authorizationCodeFlowWhenConfiguredByEnvironmentThenBoundAndAdvertised() throws Exception {
        var authorization = connector.getBean(AuthorizationProperties.class);
        Map<String, Object> as = JSONObjectUtils.parse(get("http://localhost:" + publicPort + "/.well-known/oauth-authorization-server"));

        assertThat(authorization.loginUrl()).hasToString("https://backend.example/login?tenant=a");
        assertThat(authorization.requestUriLifetime()).hasSeconds(45);
        assertThat(authorization.lifetime()).hasMinutes(7);
        assertThat(authorization.codeLifetime()).hasSeconds(30);
        assertThat(as).containsEntry("pushed_authorization_request_endpoint", "http://localhost:" + publicPort + "/oidc4vci/par");
    }

    @Test
    void managementRulesWhenConfiguredByEnvironmentThenBoundAsLists() {
        var api = connector.getBean(ManagementApiProperties.class);

        assertThat(api.allowedHosts()).containsExactly("localhost", "connector");
        assertThat(api.allowedOrigins()).containsExactly("https://admin.example.com", "http://localhost:9000");
    }

    @Test
    void masterSecretWhenSetByEnvironmentThenKeysDerivedFromTheFileAndPreviousKeyAccepted() throws Exception {
        byte[] input = "offer-id".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var expected = ServerSecrets.of(java.nio.file.Files.readAllBytes(certs.resolve("master.key")), PREVIOUS_MASTER);
        var configured = connector.getBean(ServerSecrets.class);
        assertThat(configured.hasPrevious()).isTrue();
        assertThat(configured.hmacKey("offer-secrets").accepted(input))
                .containsExactlyElementsOf(expected.hmacKey("offer-secrets").accepted(input));
    }

    private static String get(String url) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return Objects.requireNonNull(response.body());
    }
}
