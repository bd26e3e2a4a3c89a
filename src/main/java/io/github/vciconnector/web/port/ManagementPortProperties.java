package io.github.vciconnector.web.port;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The internal management port ({@code CONNECTOR_MANAGEMENT_PORT}), 0 for a random one in tests, and the optional
 * API key ({@code CONNECTOR_MANAGEMENT_API_KEY}) every management request must then present.
 */
@ConfigurationProperties("connector.management")
public record ManagementPortProperties(@DefaultValue("8081") int port, String address, String apiKey) {

    public ManagementPortProperties {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("CONNECTOR_MANAGEMENT_PORT must be 0 to 65535");
    }

    @Override
    public String toString() {
        return "ManagementPortProperties[port=" + port + ", address=" + address + ", apiKey=" + (apiKey == null ? "none" : "****") + "]";
    }
}
