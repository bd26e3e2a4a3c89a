package io.github.vciconnector.web.management;

import io.github.vciconnector.jose.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.security.MessageDigest;

/**
 * When {@code CONNECTOR_MANAGEMENT_API_KEY} is set, every request on the management port except the health probes
 * needs {@code Authorization: Bearer <key>} (RFC 6750 §2.1); others get 401 with a {@code WWW-Authenticate: Bearer}
 * challenge and a problem body. Runs right after the port isolation filter, before any body is read.
 */
final class ManagementApiKeyFilter extends ManagementPortFilter {

    static final String CHALLENGE = "Bearer realm=\"issuer-connector-management\"";

    private final byte[] expectedDigest;
    private final JsonMapper json;

    ManagementApiKeyFilter(String apiKey, JsonMapper json) {
        this.expectedDigest = digest(apiKey);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (HealthProbes.isHealth(request) || authorized(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        ManagementProblems.write(response, json, ManagementProblems.problem(HttpStatus.UNAUTHORIZED, "unauthorized",
                "management requests need Authorization: Bearer with the management API key"));
    }

    private boolean authorized(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() < 8 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // Digests of equal length make the comparison independent of where, or whether, the lengths differ.
        return MessageDigest.isEqual(expectedDigest, digest(authorization.substring(7).trim()));
    }

    private static byte[] digest(String value) {
        return Sha256.digest(value);
    }
}
