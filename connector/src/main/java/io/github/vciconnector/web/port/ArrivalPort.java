package io.github.vciconnector.web.port;

import jakarta.servlet.ServletRequest;

import java.util.function.IntSupplier;

/**
 * The one function that decides which {@link Port} a request arrived on: from the socket ({@code getLocalPort()}),
 * never from the client's {@code Host} header ({@code getServerPort()}). {@link PortIsolationFilter} stores its answer
 * on the request; Tomcat's error report valve, which runs for requests refused before any filter, asks it directly.
 */
final class ArrivalPort {

    private final IntSupplier managementPort;

    ArrivalPort(IntSupplier managementPort) {
        this.managementPort = managementPort;
    }

    /** The stored port when the request passed port isolation, else the socket's. */
    Port of(ServletRequest request) {
        Object stored = request.getAttribute(Port.ATTRIBUTE);
        if (stored instanceof Port) return (Port) stored;
        return fromSocket(request);
    }

    /** Decides and stores the port, for {@link Port#of} to read in every later step of the request. */
    Port store(ServletRequest request) {
        Port port = fromSocket(request);
        request.setAttribute(Port.ATTRIBUTE, port);
        return port;
    }

    private Port fromSocket(ServletRequest request) {
        return request.getLocalPort() == managementPort.getAsInt() ? Port.MANAGEMENT : Port.PUBLIC;
    }
}
