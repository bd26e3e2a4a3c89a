package io.github.vciconnector.web.port;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * RFC 6797: tells browsers to reach the public port over https only. Registered only when the connector itself
 * serves TLS ({@code server.ssl.*}); behind a TLS-terminating proxy the proxy owns this header. The header goes on
 * every https answer of the public port, errors included, never on the management port.
 */
final class StrictTransportSecurityFilter extends OncePerRequestFilter {

    static final String HEADER = "Strict-Transport-Security";
    /** One year, the value RFC 6797 §11.2 and browser preload rules expect; no includeSubDomains: the operator's call. */
    static final String VALUE = "max-age=31536000";

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // RFC 6797 §7.2: never over plain http
        if (request.isSecure() && Port.of(request) == Port.PUBLIC) response.setHeader(HEADER, VALUE);
        chain.doFilter(request, response);
    }
}
