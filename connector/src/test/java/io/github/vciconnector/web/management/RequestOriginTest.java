package io.github.vciconnector.web.management;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.github.vciconnector.web.management.OffersApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, M-1: a browser cannot drive the management API, by DNS rebinding or by a cross-site request, while
 * backends (curl, Node's fetch, Java) keep working without configuration.
 */
@TestPropertySource(properties = "connector.management.allowed-origins=https://Admin.Example.com:443, http://localhost:9000")
class RequestOriginTest extends ConnectorIntegrationTest {

    private final TestManagementClient client = new TestManagementClient(this::managementUri, null);

    @Test
    void createWhenDnsRebindingBrowserThenForbidden() {
        RawHttp.Response response = RawHttp.post(managementPort(), "/offers", "attacker.example:" + managementPort(),
                TestManagementClient.OFFER, "Origin", "http://attacker.example:" + managementPort(), "Sec-Fetch-Site", "same-origin");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.head()).containsIgnoringCase("Content-Type: application/problem+json");
        JsonNode problem = TestManagementClient.JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(ManagementProblems.TYPE_BASE + "cross-site-request");
        assertThat(problem.get("detail").asString()).contains("Origin", "CONNECTOR_MANAGEMENT_ALLOWED_ORIGINS");
    }

    @Test
    void createWhenOriginNotAllowedThenForbidden() {
        HttpResponse<String> response = client.post("/offers", TestManagementClient.OFFER, "Origin", "http://attacker.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, "cross-site-request");
    }

    @Test
    void createWhenSecFetchSiteCrossSiteWithoutOriginThenForbidden() {
        HttpResponse<String> response = client.post("/offers", TestManagementClient.OFFER, "Sec-Fetch-Site", "cross-site");

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, "cross-site-request");
        assertThat(TestManagementClient.json(response).get("detail").asString()).contains("Sec-Fetch-Site");
    }

    @Test
    void readWhenSecFetchSiteSameSiteThenForbidden() {
        assertThat(client.get("/actuator/prometheus", "Sec-Fetch-Site", "same-site").statusCode()).isEqualTo(403);
    }

    @Test
    void createWhenNodeFetchSecFetchModeCorsWithoutOriginThenCreated() {
        HttpResponse<String> response = client.post("/offers", TestManagementClient.OFFER,
                "Sec-Fetch-Mode", "cors", "User-Agent", "node", "Accept", "*/*");

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void createWhenPlainBackendRequestThenCreated() {
        assertThat(client.post("/offers", TestManagementClient.OFFER).statusCode()).isEqualTo(201);
    }

    @Test
    void createWhenSecFetchSiteNoneOrSameOriginWithoutOriginThenCreated() {
        assertThat(client.post("/offers", TestManagementClient.OFFER, "Sec-Fetch-Site", "none").statusCode()).isEqualTo(201);
        assertThat(client.post("/offers", TestManagementClient.OFFER, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(201);
    }

    @Test
    void createWhenAllowedOriginThenCreatedEvenCrossSite() {
        assertThat(client.post("/offers", TestManagementClient.OFFER, "Origin", "https://admin.example.com",
                "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(201);
        assertThat(client.post("/offers", TestManagementClient.OFFER, "Origin", "http://localhost:9000").statusCode()).isEqualTo(201);
    }

    @Test
    void createWhenOriginDiffersFromAllowedOneByPortOrSchemeThenForbidden() {
        assertThat(client.post("/offers", TestManagementClient.OFFER, "Origin", "https://admin.example.com:8443").statusCode()).isEqualTo(403);
        assertThat(client.post("/offers", TestManagementClient.OFFER, "Origin", "http://admin.example.com").statusCode()).isEqualTo(403);
        assertThat(client.post("/offers", TestManagementClient.OFFER, "Origin", "null").statusCode()).isEqualTo(403);
    }

    @Test
    void healthWhenCrossSiteBrowserThenForbiddenButProbesUnaffected() {
        assertThat(client.get("/actuator/health", "Origin", "http://attacker.example").statusCode()).isEqualTo(403);
        assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void walletRouteWhenBrowserOriginThenNotAffected() throws Exception {
        var request = HttpRequest.newBuilder(publicUri("/.well-known/openid-credential-issuer"))
                .header("Origin", "https://web-wallet.example").header("Sec-Fetch-Site", "cross-site").build();

        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    private int managementPort() {
        return managementUri("/").getPort();
    }
}
