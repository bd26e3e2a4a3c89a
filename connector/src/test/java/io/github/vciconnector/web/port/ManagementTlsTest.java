package io.github.vciconnector.web.port;

import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17, M-1: TLS with client certificates (mutual TLS, client-auth {@code need}) on the management port from a
 * Spring Boot SSL bundle, with certificates made for this test; the public port keeps its own {@code server.ssl.*}.
 */
class ManagementTlsTest extends ConnectorIntegrationTest {

    private static final TestPki.Issued SERVER_CA = TestPki.ca("Test TLS CA");
    private static final TestPki.Issued SERVER = TestPki.localhostServer(SERVER_CA);
    private static final TestPki.Issued CLIENT_CA = TestPki.ca("Test Backend CA");
    private static final TestPki.Issued BACKEND = TestPki.leaf("backend", CLIENT_CA, Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(1)));
    private static final TestPki.Issued STRANGER = TestPki.leaf("stranger", TestPki.ca("Other CA"), Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(1)));

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("management-tls");
        Path certificate = TestPki.pem(dir, "server.pem", SERVER.certificate());
        Path key = TestPki.pem(dir, "server.key", SERVER.keys().getPrivate());
        Path clientCa = TestPki.pem(dir, "client-ca.pem", CLIENT_CA.certificate());
        registry.add("spring.ssl.bundle.pem.management.keystore.certificate", certificate::toString);
        registry.add("spring.ssl.bundle.pem.management.keystore.private-key", key::toString);
        registry.add("spring.ssl.bundle.pem.management.truststore.certificate", clientCa::toString);
        registry.add("connector.management.ssl.bundle", () -> "management");
        registry.add("connector.management.ssl.client-auth", () -> "need");
        registry.add("spring.ssl.bundle.pem.public.keystore.certificate", certificate::toString);
        registry.add("spring.ssl.bundle.pem.public.keystore.private-key", key::toString);
        registry.add("server.ssl.bundle", () -> "public");
    }

    @Test
    void managementWhenClientCertificateFromConfiguredTrustThenServedOverHttps() throws Exception {
        HttpResponse<String> response = client(BACKEND).send(HttpRequest.newBuilder(https(managementPort(), "/offers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"Erika\",\"family_name\":\"Mustermann\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void managementWhenNoClientCertificateThenRefusedAtTlsLayer() {
        assertThatThrownBy(() -> client(null).send(HttpRequest.newBuilder(https(managementPort(), "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void managementWhenClientCertificateFromAnotherCaThenRefusedAtTlsLayer() {
        assertThatThrownBy(() -> client(STRANGER).send(HttpRequest.newBuilder(https(managementPort(), "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void managementWhenPlainHttpThenNotServed() throws Exception {
        // Tomcat answers plain HTTP on a TLS port with "This combination of host and port requires TLS."
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(managementUri("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("UP");
    }

    @Test
    void publicPortWhenServerSslSetThenServedOverHttpsWithoutClientCertificate() throws Exception {
        HttpResponse<String> response = client(null).send(HttpRequest.newBuilder(https(URI.create(issuer()).getPort(),
                "/.well-known/openid-credential-issuer")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private int managementPort() {
        return managementUri("/").getPort();
    }

    private static URI https(int port, String path) {
        return URI.create("https://localhost:" + port + path);
    }

    /** A client that trusts the test server CA and, when given one, presents {@code certificate}. */
    private static HttpClient client(TestPki.Issued certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", SERVER_CA.certificate());
        var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (certificate != null) {
            keys.setKeyEntry("client", certificate.keys().getPrivate(), new char[0], new Certificate[]{certificate.certificate()});
        }
        keyManagers.init(keys, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
