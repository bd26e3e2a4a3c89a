package io.github.vciconnector.replicas;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import io.github.vciconnector.support.TestConnectors;
import io.github.vciconnector.web.port.ManagementConnector;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * One running connector replica of a test: its own Spring context and ports, its public URLs reached on its own
 * port while DPoP {@code htu} and {@code aud} name the shared public base URL, as behind a load balancer.
 */
final class ConnectorInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int publicPort;

    private ConnectorInstance(ConfigurableApplicationContext context, int publicPort) {
        this.context = context;
        this.publicPort = publicPort;
    }

    /**
     * Starts a replica with the {@code dev} profile on a free public port and a random management port.
     *
     * @param publicBaseUrl the issuer identifier shared by all replicas, or null to use this replica's own URL
     */
    static ConnectorInstance start(int publicPort, String publicBaseUrl, Map<String, Object> settings) {
        var properties = new HashMap<String, Object>(settings);
        properties.put("server.port", publicPort);
        properties.put("connector.public-base-url", publicBaseUrl != null ? publicBaseUrl : "http://localhost:" + publicPort);
        properties.put("connector.management.port", 0);
        properties.put("spring.main.banner-mode", "off");
        // Command-line arguments, because builder properties are defaults that application.yml would override
        var context = TestConnectors.withArguments(properties, "dev");
        return new ConnectorInstance(context, publicPort);
    }

    static int freePort() {
        return ConnectorIntegrationTest.freePort();
    }

    /** A wallet route on this replica's own port. */
    URI publicUri(String path) {
        return URI.create("http://localhost:" + publicPort + path);
    }

    URI managementUri(String path) {
        return URI.create("http://localhost:" + context.getBean(ManagementConnector.class).localPort() + path);
    }

    @Override
    public void close() {
        context.close();
    }
}
