package io.github.vciconnector.web.port;

import jakarta.servlet.ServletRequest;

/**
 * The connector's two ports. The port a request arrived on is decided once, from its socket, by
 * {@link ArrivalPort} in {@link PortIsolationFilter} (the first filter), and stored on the request; every later
 * filter, handler and error page reads it here instead of comparing ports itself.
 */
public enum Port {

    /** The wallet-facing port ({@code server.port}): OID4VCI endpoints and the well-known documents. */
    PUBLIC,

    /** The internal management port ({@code connector.management.port}): the management API, actuator, OpenAPI. */
    MANAGEMENT;

    static final String ATTRIBUTE = Port.class.getName();

    /**
     * The arrival port stored by {@link PortIsolationFilter}. Every filter registered after it, and every error
     * dispatch of a request that passed it, finds the value; a request that never passed it is a wiring mistake.
     */
    public static Port of(ServletRequest request) {
        Object port = request.getAttribute(ATTRIBUTE);
        if (port instanceof Port) return (Port) port;
        throw new IllegalStateException("the arrival port is decided by PortIsolationFilter, which this request did not pass");
    }
}
