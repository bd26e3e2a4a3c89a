package io.github.vciconnector.web.port;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, robustness 1: the management connector is built from the same {@code server.*} settings as the main one
 * (application.yml sets {@code server.max-http-request-header-size: 32KB}; Tomcat's own default is 8 KB).
 */
class ManagementConnectorSettingsTest extends ConnectorIntegrationTest {

    @Test
    void requestWhenHeaderOf20KbThenAcceptedOnBothPorts() throws Exception {
        assertThat(statusWithHeaderOf(20 * 1024, managementUri("/actuator/health"))).isEqualTo(200);
        assertThat(statusWithHeaderOf(20 * 1024, publicUri("/.well-known/openid-credential-issuer"))).isEqualTo(200);
    }

    @Test
    void requestWhenHeaderAboveConfiguredLimitThenRefusedOnBothPorts() throws Exception {
        assertThat(statusWithHeaderOf(40 * 1024, managementUri("/actuator/health"))).isEqualTo(400);
        assertThat(statusWithHeaderOf(40 * 1024, publicUri("/.well-known/openid-credential-issuer"))).isEqualTo(400);
    }

    private static int statusWithHeaderOf(int size, URI uri) throws Exception {
        var request = HttpRequest.newBuilder(uri).header("X-Filler", "a".repeat(size)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
