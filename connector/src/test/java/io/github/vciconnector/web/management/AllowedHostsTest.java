package io.github.vciconnector.web.management;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, M-1: with CONNECTOR_MANAGEMENT_ALLOWED_HOSTS set, a request whose Host is not listed (a DNS-rebound
 * browser's, even a GET without Origin) gets 421; health probes keep whatever Host the orchestrator sends.
 */
@TestPropertySource(properties = "connector.management.allowed-hosts=Connector, localhost,[::1]")
class AllowedHostsTest extends ConnectorIntegrationTest {

    @Test
    void createWhenHostNotAllowedThenMisdirected() {
        RawHttp.Response response = RawHttp.post(port(), "/offers", "attacker.example:" + port(), TestManagementClient.OFFER);

        assertThat(response.status()).isEqualTo(421);
        assertThat(response.head()).containsIgnoringCase("Content-Type: application/problem+json");
        JsonNode problem = TestManagementClient.JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(ManagementProblems.TYPE_BASE + "misdirected-request");
        assertThat(problem.get("detail").asString()).contains("CONNECTOR_MANAGEMENT_ALLOWED_HOSTS");
    }

    @Test
    void readWhenRebindingGetWithoutOriginThenMisdirected() {
        assertThat(RawHttp.get(port(), "/actuator/prometheus", "attacker.example:" + port(), "HTTP/1.1").status()).isEqualTo(421);
    }

    @Test
    void createWhenHostAllowedThenCreated() {
        assertThat(RawHttp.post(port(), "/offers", "connector:" + port(), TestManagementClient.OFFER).status()).isEqualTo(201);
        assertThat(RawHttp.post(port(), "/offers", "LOCALHOST", TestManagementClient.OFFER).status()).isEqualTo(201);
        assertThat(RawHttp.post(port(), "/offers", "[::1]:" + port(), TestManagementClient.OFFER).status()).isEqualTo(201);
    }

    @Test
    void requestWhenNoHostHeaderThenMisdirected() {
        assertThat(RawHttp.get(port(), "/offers/x", null, "HTTP/1.0").status()).isEqualTo(421);
    }

    @Test
    void healthWhenProbeUsesPodAddressAsHostThenUp() {
        assertThat(RawHttp.get(port(), "/actuator/health/liveness", "10.1.2.3:" + port(), "HTTP/1.1").status()).isEqualTo(200);
        assertThat(RawHttp.get(port(), "/actuator/health", "10.1.2.3:" + port(), "HTTP/1.1").status()).isEqualTo(200);
    }

    private int port() {
        return managementUri("/").getPort();
    }
}
