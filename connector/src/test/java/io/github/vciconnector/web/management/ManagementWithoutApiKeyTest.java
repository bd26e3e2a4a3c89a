package io.github.vciconnector.web.management;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, M-1: a management API without CONNECTOR_MANAGEMENT_API_KEY is loud about it: a startup WARN, a
 * {@code managementApi} health detail (shown with details) and an info entry; health itself stays UP.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"management.endpoint.health.show-details=always", "connector.management.allowed-hosts=localhost"})
class ManagementWithoutApiKeyTest extends ConnectorIntegrationTest {

    private final TestManagementClient client = new TestManagementClient(this::managementUri, null);

    @Test
    void startWhenNoApiKeyThenWarns(CapturedOutput output) {
        assertThat(output.getAll()).contains("WARN").contains("SECURITY: " + ManagementAuthenticationStatus.WARNING);
    }

    @Test
    void healthWhenNoApiKeyThenUpWithWarningDetail() {
        JsonNode health = TestManagementClient.json(client.get("/actuator/health"));

        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode component = health.get("components").get("managementApi");
        assertThat(component.get("status").asString()).isEqualTo("UP");
        assertThat(component.get("details").get("api_key").asString()).isEqualTo("none");
        assertThat(component.get("details").get("warning").asString()).contains("CONNECTOR_MANAGEMENT_API_KEY");
        assertThat(component.get("details").get("allowed_hosts").get(0).asString()).isEqualTo("localhost");
    }

    @Test
    void infoWhenNoApiKeyThenShowsWarning() {
        JsonNode info = TestManagementClient.json(client.get("/actuator/info"));

        assertThat(info.get("management_api").get("warning").asString()).contains("CONNECTOR_MANAGEMENT_API_KEY");
        assertThat(info.get("management_api").get("tls").asString()).isEqualTo("off");
    }
}
