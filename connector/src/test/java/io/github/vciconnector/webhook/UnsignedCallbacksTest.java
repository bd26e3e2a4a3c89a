package io.github.vciconnector.webhook;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, L-6: a callback URL without a secret starts, but says loudly that its callbacks are unsigned. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"connector.callback.url=http://localhost:9/hook", "management.endpoint.health.show-details=always"})
class UnsignedCallbacksTest extends ConnectorIntegrationTest {

    @Test
    void startWhenCallbackUrlWithoutSecretThenWarns(CapturedOutput output) {
        assertThat(output.getAll()).contains("SECURITY: " + CallbackSigningStatus.WARNING);
    }

    @Test
    void infoAndHealthWhenUnsignedThenShowWarning() throws Exception {
        JsonNode info = get("/actuator/info").get("callbacks");
        JsonNode health = get("/actuator/health");

        assertThat(info.get("signed").asBoolean()).isFalse();
        assertThat(info.get("warning").asString()).contains("CONNECTOR_CALLBACK_SECRET");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("callbacks").get("details").get("warning").asString()).contains("unsigned");
        assertThat(info.toString()).doesNotContain("localhost:9");
    }

    private JsonNode get(String path) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(managementUri(path)).build(), HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(response.body());
    }
}
