package io.github.vciconnector.web.port;

import org.apache.catalina.connector.Connector;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.ProtocolHandler;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.tomcat.SslConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.util.LambdaSafe;
import org.springframework.boot.web.server.Ssl;
import org.springframework.util.StringUtils;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/** The second Tomcat connector that serves the management API; knows its real port once started. */
public final class ManagementConnector {

    private final Connector connector;
    // Tomcat looks the local port up by reflection on each call, and the filters ask on every request.
    private volatile int boundPort;

    public ManagementConnector(int port, String address) {
        connector = new Connector(TomcatWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(port);
        if (address != null && !address.isBlank()) {
            try {
                connector.setProperty("address", InetAddress.getByName(address).getHostAddress());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("CONNECTOR_MANAGEMENT_ADDRESS (connector.management.address) is not a valid address", e);
            }
        }
    }

    /** Serves TLS from {@code bundle}, asking for a client certificate as {@code clientAuth} says. */
    public ManagementConnector withTls(SslBundle bundle, Ssl.ClientAuth clientAuth) {
        new SslConnectorCustomizer(LogFactory.getLog(ManagementConnector.class), connector, clientAuth).customize(bundle, Map.of());
        return this;
    }

    /**
     * A customizer of the main connector that gives this connector what the main one gets from {@code server.*} and
     * {@code server.tomcat.*} (header and swallow limits, timeouts, threads, URI encoding): Spring Boot registers those
     * as customizers of the factory and runs them on its own connector only. It runs when the server is built, after
     * every factory customizer has added its part. Port, address and TLS stay the management port's own.
     */
    TomcatConnectorCustomizer serverSettingsFrom(TomcatWebServerFactory factory) {
        return new CopyServerSettings(factory);
    }

    public Connector tomcatConnector() {
        return connector;
    }

    /** The bound port: the configured one, or the random one chosen when configured as 0. */
    public int localPort() {
        int bound = boundPort;
        if (bound > 0) return bound;
        int local = connector.getLocalPort();
        if (local > 0) {
            boundPort = local; // a started connector keeps its socket, so the port never changes afterwards
            return local;
        }
        return connector.getPort();
    }

    private void applyServerSettings(TomcatWebServerFactory factory) {
        ProtocolHandler handler = connector.getProtocolHandler();
        LambdaSafe.callbacks(TomcatProtocolHandlerCustomizer.class, factory.getProtocolHandlerCustomizers(), handler)
                .invoke(customizer -> customizer.customize(handler));
        if (factory.getUriEncoding() != null) connector.setURIEncoding(factory.getUriEncoding().name());
        if (StringUtils.hasText(factory.getServerHeader())) connector.setProperty("server", factory.getServerHeader());
        for (TomcatConnectorCustomizer customizer : factory.getConnectorCustomizers()) {
            if (!(customizer instanceof CopyServerSettings)) customizer.customize(connector);
        }
    }

    private final class CopyServerSettings implements TomcatConnectorCustomizer {

        private final TomcatWebServerFactory factory;

        CopyServerSettings(TomcatWebServerFactory factory) {
            this.factory = factory;
        }

        @Override
        public void customize(Connector main) {
            applyServerSettings(factory);
        }
    }
}
