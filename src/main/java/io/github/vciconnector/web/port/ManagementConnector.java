package io.github.vciconnector.web.port;

import org.apache.catalina.connector.Connector;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The second Tomcat connector that serves the management API; knows its real port once started. */
public final class ManagementConnector {

    private final Connector connector;
    // Tomcat looks the local port up by reflection on each call, and the filters ask on every request.
    private volatile int boundPort;

    public ManagementConnector(int port, String address) {
        connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(port);
        if (address != null && !address.isBlank()) {
            try {
                connector.setProperty("address", InetAddress.getByName(address).getHostAddress());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("connector.management.address is not a valid address", e);
            }
        }
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
}
