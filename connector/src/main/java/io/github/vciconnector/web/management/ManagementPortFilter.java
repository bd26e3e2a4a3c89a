package io.github.vciconnector.web.management;

import io.github.vciconnector.web.port.Port;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter of management requests only: it never runs for a request that arrived on the public port, as decided once
 * by the port isolation filter ({@link Port#of}). One place, so no management filter repeats the port check.
 */
abstract class ManagementPortFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return Port.of(request) != Port.MANAGEMENT;
    }
}
