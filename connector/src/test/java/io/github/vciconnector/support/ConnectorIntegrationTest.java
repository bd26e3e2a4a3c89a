package io.github.vciconnector.support;

import io.github.vciconnector.web.port.ManagementConnector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Base of integration tests: the whole connector on a free public port (the issuer identifier must name it before
 * startup, so it cannot be Spring's random port) and a random management port, real HTTP on both, the {@code dev}
 * profile's throw-away keys. Subclasses add their own properties with {@code @TestPropertySource(properties = ...)}
 * (a second {@code @SpringBootTest} would replace this one and lose the web environment).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("dev")
public abstract class ConnectorIntegrationTest {

    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private ManagementConnector managementConnector;

    @Autowired
    private org.springframework.core.env.Environment environment;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        int port = freePort();
        registry.add("server.port", () -> port);
        registry.add("connector.public-base-url", () -> "http://localhost:" + port);
        registry.add("connector.management.port", () -> 0);
        // DESIGN §10: the authorization code flow is on, as a HAIP deployment has it (the page itself is never fetched)
        registry.add("connector.authorization.login-url", () -> "https://backend.example/login");
    }

    /** The Credential Issuer Identifier of the running connector. */
    protected String issuer() {
        return environment.getProperty("connector.public-base-url");
    }

    protected URI publicUri(String path) {
        return URI.create(issuer() + path);
    }

    protected URI managementUri(String path) {
        return URI.create("http://localhost:" + managementConnector.localPort() + path);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
