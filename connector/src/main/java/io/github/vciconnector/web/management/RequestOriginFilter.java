package io.github.vciconnector.web.management;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps browsers out of the management API (issue 17, M-1: DNS rebinding and cross-site requests). Backends send
 * neither {@code Origin} nor {@code Sec-Fetch-Site}; a browser sends {@code Origin} on every POST and DELETE, even
 * after DNS rebinding made the attacker's page "same-origin", and {@code Sec-Fetch-Site} (Fetch Metadata) on every
 * request. So: an {@code Origin} not in {@code CONNECTOR_MANAGEMENT_ALLOWED_ORIGINS} gets 403, and so does a
 * {@code Sec-Fetch-Site} other than {@code same-origin}/{@code none} without an allowed Origin. {@code Sec-Fetch-Mode}
 * alone is no signal: Node's fetch sends {@code cors} on every server-side request. When
 * {@code CONNECTOR_MANAGEMENT_ALLOWED_HOSTS} is set, a {@code Host} outside it gets 421 (RFC 9110 §15.5.20), which
 * also stops rebound GET requests that carry no Origin; health probes are exempt, as they come with whatever Host
 * the orchestrator uses (often a pod IP) and read only UP or DOWN.
 */
final class RequestOriginFilter extends ManagementPortFilter {

    private final Set<String> allowedOrigins;
    private final Set<String> allowedHosts;
    private final JsonMapper json;

    RequestOriginFilter(ManagementApiProperties properties, JsonMapper json) {
        this.allowedOrigins = properties.originSet();
        this.allowedHosts = properties.hostSet();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!allowedHosts.isEmpty() && !HealthProbes.isHealth(request) && !allowedHosts.contains(host(request.getHeader(HttpHeaders.HOST)))) {
            ManagementProblems.write(response, json, ManagementProblems.problem(HttpStatus.MISDIRECTED_REQUEST, "misdirected-request",
                    "the Host header names a host that is not in CONNECTOR_MANAGEMENT_ALLOWED_HOSTS"));
            return;
        }
        Enumeration<String> origins = request.getHeaders(HttpHeaders.ORIGIN);
        boolean originSent = origins.hasMoreElements();
        while (origins.hasMoreElements()) {
            if (!allowedOrigins.contains(origins.nextElement().strip().toLowerCase(Locale.ROOT))) {
                refuse(response, "browser request refused: its Origin is not in CONNECTOR_MANAGEMENT_ALLOWED_ORIGINS");
                return;
            }
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (!originSent && site != null && !site.equals("same-origin") && !site.equals("none")) {
            refuse(response, "browser request refused: Sec-Fetch-Site says it comes from another site, and it sent no allowed Origin");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, String detail) throws IOException {
        ManagementProblems.write(response, json, ManagementProblems.problem(HttpStatus.FORBIDDEN, "cross-site-request", detail));
    }

    /** The host part of a Host header (RFC 9110 §7.2: uri-host [":" port]), lower case; "" when absent. */
    private static String host(String header) {
        if (header == null) return "";
        String value = header.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? "" : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }
}
