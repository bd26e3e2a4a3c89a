package io.github.vciconnector.config;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import io.github.vciconnector.support.TestConnectors;
import io.github.vciconnector.web.port.ManagementConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev profile on another port (issue 10): with {@code SERVER_PORT} set and no {@code CONNECTOR_PUBLIC_BASE_URL},
 * metadata and offers name that port, so the offer a dev connector hands out points to itself.
 */
class DevProfilePortTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static ConfigurableApplicationContext connector;
    static int publicPort;

    @BeforeAll
    static void startDevProfileOnAnotherPort() {
        publicPort = ConnectorIntegrationTest.freePort();
        Map<String, Object> env = Map.of("SERVER_PORT", Integer.toString(publicPort), "CONNECTOR_MANAGEMENT_PORT", "0");
        connector = TestConnectors.withEnvironment(env, "dev");
    }

    @AfterAll
    static void stop() {
        if (connector != null) connector.close();
    }

    @Test
    void metadataWhenDevProfileOnAnotherPortThenIssuerNamesThatPort() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + publicPort + "/.well-known/openid-credential-issuer"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        Map<String, Object> metadata = JSONObjectUtils.parse(response.body());
        assertThat(metadata).containsEntry("credential_issuer", "http://localhost:" + publicPort)
                .containsEntry("credential_endpoint", "http://localhost:" + publicPort + "/oidc4vci/credential");
    }

    @Test
    void offerWhenDevProfileOnAnotherPortThenOfferUriPointsToThatPortAndResolves() throws Exception {
        int managementPort = connector.getBean(ManagementConnector.class).localPort();
        var created = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/offers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"credential_configuration_id": "IdentityCredential",
                         "claims": {"given_name": "Erika", "family_name": "Mustermann"}}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String link = (String) JSONObjectUtils.parse(created.body()).get("credential_offer_uri");
        String offerUrl = URLDecoder.decode(link.substring(link.indexOf('=') + 1), StandardCharsets.UTF_8);

        assertThat(offerUrl).startsWith("http://localhost:" + publicPort + "/oidc4vci/offers/");
        var offer = HTTP.send(HttpRequest.newBuilder(URI.create(offerUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(offer.statusCode()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(offer.body())).containsEntry("credential_issuer", "http://localhost:" + publicPort);
    }
}
