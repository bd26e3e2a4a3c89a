package io.github.vciconnector.web.port;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, robustness 1: the management connector is built from the same {@code server.*} settings as the main one
 * (application.yml sets {@code server.max-http-request-header-size: 32KB}; Tomcat's own default is 8 KB).
 */
@TestPropertySource(properties = {"server.tomcat.connection-timeout=7s", "server.tomcat.max-swallow-size=3MB",
        "server.tomcat.keep-alive-timeout=9s"})
class ManagementConnectorSettingsTest extends ConnectorIntegrationTest {

    @Autowired
    private WebServerApplicationContext context;

    @Autowired
    private ManagementConnector management;

    @ParameterizedTest
    @ValueSource(strings = {"maxHttpRequestHeaderSize", "maxSwallowSize", "connectionTimeout", "keepAliveTimeout", "maxThreads"})
    void managementConnectorWhenServerTomcatSettingsSetThenSameAsMainConnector(String property) {
        Connector main = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        assertThat(management.tomcatConnector().getProperty(property)).isNotNull().isEqualTo(main.getProperty(property));
    }

    @Test
    void managementConnectorWhenServerTomcatSettingsSetThenTheyApply() {
        assertThat(management.tomcatConnector().getProperty("connectionTimeout")).isEqualTo(7000);
        assertThat(management.tomcatConnector().getProperty("maxSwallowSize")).isEqualTo(3 * 1024 * 1024);
    }

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
