package io.github.vciconnector.web.port;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.server.Ssl;

/**
 * The internal management port ({@code CONNECTOR_MANAGEMENT_PORT}), 0 for a random one in tests, its bind address
 * ({@code CONNECTOR_MANAGEMENT_ADDRESS}, all interfaces when unset), optional TLS from a Spring Boot SSL bundle, and
 * the optional API key ({@code CONNECTOR_MANAGEMENT_API_KEY}) every management request must then present.
 */
@ConfigurationProperties("connector.management")
public record ManagementPortProperties(@DefaultValue("8081") int port, String address, String apiKey,
                                       @DefaultValue Tls ssl) {

    /** Shortest API key accepted: 32 characters, so that a key cannot be guessed or brute-forced online. */
    public static final int MIN_API_KEY_LENGTH = 32;

    public ManagementPortProperties {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("CONNECTOR_MANAGEMENT_PORT must be 0 to 65535");
        if (apiKey != null && apiKey.isBlank()) apiKey = null; // an empty CONNECTOR_MANAGEMENT_API_KEY means "none"
        if (apiKey != null && apiKey.strip().length() < MIN_API_KEY_LENGTH) {
            throw new IllegalArgumentException("CONNECTOR_MANAGEMENT_API_KEY must be at least " + MIN_API_KEY_LENGTH
                    + " characters (e.g. openssl rand -base64 32)");
        }
        if (apiKey != null) apiKey = apiKey.strip();
        if (ssl == null) ssl = new Tls(null, null);
    }

    /** Whether management requests must present {@link #apiKey()}. */
    public boolean apiKeyRequired() {
        return apiKey != null;
    }

    @Override
    public String toString() {
        return "ManagementPortProperties[port=" + port + ", address=" + address + ", apiKey=" + (apiKey == null ? "none" : "****")
                + ", ssl=" + ssl + "]";
    }

    /**
     * TLS on the management port.
     *
     * @param bundle name of a Spring Boot SSL bundle ({@code CONNECTOR_MANAGEMENT_SSL_BUNDLE}, e.g. {@code management}
     *               for {@code spring.ssl.bundle.pem.management.*}); none means plain HTTP
     * @param clientAuth {@code none} (default), {@code want} or {@code need} a client certificate from the bundle's
     *                   trust store ({@code CONNECTOR_MANAGEMENT_SSL_CLIENT_AUTH}); mutual TLS with {@code need}
     */
    public record Tls(String bundle, Ssl.ClientAuth clientAuth) {

        public Tls {
            if (bundle != null && bundle.isBlank()) bundle = null;
            if (clientAuth == null) clientAuth = Ssl.ClientAuth.NONE;
            if (bundle == null && clientAuth != Ssl.ClientAuth.NONE) {
                throw new IllegalArgumentException("CONNECTOR_MANAGEMENT_SSL_CLIENT_AUTH needs CONNECTOR_MANAGEMENT_SSL_BUNDLE (TLS on the management port)");
            }
        }

        public boolean enabled() {
            return bundle != null;
        }
    }
}
