package io.github.vciconnector.web.port;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Runs first and answers 404 when the port a request arrived on does not own its path (DESIGN §2): management
 * routes only on the management port, wallet routes only on the public port. Paths that are not in normal form
 * (dot segments, any percent-encoding, path parameters, double slashes) are refused outright.
 */
public final class PortIsolationFilter extends OncePerRequestFilter {

    private final IntSupplier managementPort;
    private final List<String> managementPrefixes;

    public PortIsolationFilter(IntSupplier managementPort, String... managementPrefixes) {
        this.managementPort = managementPort;
        this.managementPrefixes = List.of(managementPrefixes);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        // No route of the connector needs percent-encoding. An encoded path (/offer%73) would be judged here in its
        // raw form but matched by Spring in its decoded form, so it is refused before anything else.
        if (!isNormal(uri) || uri.indexOf('%') >= 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String decoded = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        // getLocalPort() is the socket; getServerPort() is the client's Host header
        boolean onManagementPort = request.getLocalPort() == managementPort.getAsInt();
        if (onManagementPort != (isManagementPath(uri) || isManagementPath(decoded))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    private boolean isManagementPath(String uri) {
        for (String prefix : managementPrefixes) {
            if (uri.equals(prefix) || uri.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) return true;
        }
        return false;
    }

    static boolean isNormal(String uri) {
        if (uri == null || !uri.startsWith("/")) return false;
        String lower = uri.toLowerCase(Locale.ROOT);
        return !lower.contains("//") && !lower.contains("/./") && !lower.contains("/../") && !lower.endsWith("/.")
                && !lower.endsWith("/..") && !lower.contains(";") && !lower.contains("%2e") && !lower.contains("%2f")
                && !lower.contains("%5c") && !lower.contains("\\") && !lower.contains("%25");
    }
}
