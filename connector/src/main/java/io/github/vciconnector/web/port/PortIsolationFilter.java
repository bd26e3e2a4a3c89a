package io.github.vciconnector.web.port;

import io.github.vciconnector.web.ErrorText;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Runs first and answers 404 unless the port a request arrived on owns its path (DESIGN §2, L-1): each port has an
 * allow-list of its own routes ({@link PortRoutes}), so anything else, Spring's {@code /error} included, is not
 * served there. Paths that are not in normal form (dot segments, any percent-encoding, path parameters, double
 * slashes) are refused outright, and so are methods outside HTTP's registered set, without echoing them (L-2).
 * Requests no endpoint could read (a wildcard Content-Type, an empty Accept, a malformed query string) are refused
 * here too, so they get a 4xx in the port's shape instead of an exception in Spring or actuator.
 */
public final class PortIsolationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PortIsolationFilter.class);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE");
    private static final int LOGGED_METHOD_CHARS = 16;

    private final ArrivalPort arrivalPort;
    private final PortRoutes routes;

    PortIsolationFilter(ArrivalPort arrivalPort, PortRoutes routes) {
        this.arrivalPort = arrivalPort;
        this.routes = routes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // Tomcat's error dispatch of a request it refused before the filters ran (a /WEB-INF/ path) never passed
            // here: the port is decided now, so that the filters of that dispatch can read it as well.
            if (!(request.getAttribute(Port.ATTRIBUTE) instanceof Port)) arrivalPort.store(request);
            chain.doFilter(request, response);
            return;
        }
        // Decided before any refusal below, so that the error dispatch of that refusal finds the port too.
        Port port = arrivalPort.store(request);
        if (!METHODS.contains(request.getMethod())) {
            // Tomcat accepts any token of up to the header size as a method; log a short, printable prefix only.
            String method = request.getMethod();
            log.debug("refused unknown HTTP method {} ({} characters)",
                    ErrorText.safe(method.substring(0, Math.min(method.length(), LOGGED_METHOD_CHARS))), method.length());
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String uri = request.getRequestURI();
        // No route of the connector needs percent-encoding. An encoded path (/offer%73) would be judged here in its
        // raw form but matched by Spring in its decoded form, so it is refused before anything else.
        if (!isNormal(uri) || uri.indexOf('%') >= 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String decoded = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        // The decoded path is what Spring matches; both forms must name a route of this port.
        if (!routes.allows(port, uri) || !routes.allows(port, decoded)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!acceptableHeaders(request)) {
            response.sendError(unacceptable(request));
            return;
        }
        if (!parametersParse(request)) {
            // Tomcat may already have answered 400 itself (a form body with bad chunk framing)
            if (!response.isCommitted()) response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Error dispatches pass unchecked; only the arrival port is stored when missing. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /**
     * Spring cannot represent a wildcard Content-Type (it throws while reading the headers) and actuator cannot pick
     * an output format for an Accept without any media type: both are refused here, in the port's shape.
     */
    private static boolean acceptableHeaders(HttpServletRequest request) {
        return !isWildcardContentType(request.getContentType()) && !isBlankAccept(request);
    }

    private static int unacceptable(HttpServletRequest request) {
        return isBlankAccept(request) ? HttpServletResponse.SC_NOT_ACCEPTABLE : HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
    }

    /**
     * Tomcat parses the query string (and a POST form body) on first use and throws on malformed percent-encoding;
     * parsed here once, a bad one is a 400 before any endpoint or actuator operation can fail on it with a 500.
     */
    private static boolean parametersParse(HttpServletRequest request) {
        try {
            request.getParameterMap();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isWildcardContentType(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";", 2)[0].trim();
        return type.startsWith("*") || type.endsWith("/*");
    }

    private static boolean isBlankAccept(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.replace(",", "").isBlank();
    }

    static boolean isNormal(String uri) {
        if (uri == null || !uri.startsWith("/")) return false;
        String lower = uri.toLowerCase(Locale.ROOT);
        return !lower.contains("//") && !lower.contains("/./") && !lower.contains("/../") && !lower.endsWith("/.")
                && !lower.endsWith("/..") && !lower.contains(";") && !lower.contains("%2e") && !lower.contains("%2f")
                && !lower.contains("%5c") && !lower.contains("\\") && !lower.contains("%25");
    }
}
