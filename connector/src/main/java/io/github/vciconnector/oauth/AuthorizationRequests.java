package io.github.vciconnector.oauth;

import io.github.vciconnector.config.AuthorizationProperties;
import io.github.vciconnector.session.Authorization;
import io.github.vciconnector.session.AuthorizationId;
import io.github.vciconnector.session.AuthorizationStatus;
import io.github.vciconnector.session.AuthorizationStore;
import io.github.vciconnector.session.OfferSecrets;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * The authorization endpoint logic (RFC 6749 §3.1 with RFC 9126 §4, DESIGN §10): takes a pushed request's
 * {@code request_uri} once, and hands the browser to the backend's login page with the {@code authorization_id}
 * (and the {@code offer_id} of an issuer-initiated request). The connector authenticates nobody itself.
 */
public class AuthorizationRequests {

    private final AuthorizationStore authorizations;
    private final OfferSecrets secrets;
    private final AuthorizationProperties properties;
    private final Clock clock;

    public AuthorizationRequests(AuthorizationStore authorizations, OfferSecrets secrets, AuthorizationProperties properties, Clock clock) {
        this.authorizations = authorizations;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Uses the request_uri (single use, compare-and-set PUSHED → PENDING) and returns where to send the browser.
     * Throws {@link TokenRequestException} ({@code invalid_request_uri}, {@code invalid_request}); the endpoint shows
     * those as a page and never redirects with them, because the redirect URI is not known to be the wallet's
     * before the request_uri has been checked (RFC 6749 §4.1.2.1).
     */
    public URI authorize(String clientId, String requestUri) {
        if (!properties.enabled()) throw new TokenRequestException(TokenError.INVALID_REQUEST, "the authorization code flow is not enabled at this issuer");
        if (clientId == null || requestUri == null) throw new TokenRequestException(TokenError.INVALID_REQUEST, "client_id and request_uri are required");
        String reference = requestUri.startsWith(PushedAuthorizationResponse.REQUEST_URI_PREFIX)
                ? requestUri.substring(PushedAuthorizationResponse.REQUEST_URI_PREFIX.length()) : null;
        AuthorizationId id = AuthorizationId.parse(reference == null ? null : secrets.authorizationIdFromRequestUri(reference))
                .orElseThrow(AuthorizationRequests::unknownRequestUri);
        var now = clock.instant();
        Authorization pending = authorizations.transition(id, current -> {
            if (current.status() != AuthorizationStatus.PUSHED || current.isExpired(now)) return Optional.empty();
            // RFC 9126 §4: the request_uri is bound to the client that pushed it
            if (!current.clientId().equals(clientId)) return Optional.empty();
            return Optional.of(current.pending(now.plus(properties.lifetime())));
        }).orElseThrow(AuthorizationRequests::unknownRequestUri);
        return loginPage(pending);
    }

    private URI loginPage(Authorization authorization) {
        String base = properties.loginUrl().toString();
        StringBuilder url = new StringBuilder(base).append(properties.loginUrl().getRawQuery() == null ? '?' : '&')
                .append("authorization_id=").append(encode(authorization.id()));
        if (authorization.issuerInitiated()) url.append("&offer_id=").append(encode(authorization.offerId()));
        return URI.create(url.toString());
    }

    private static TokenRequestException unknownRequestUri() {
        return new TokenRequestException(TokenError.INVALID_REQUEST_URI, "request_uri is unknown, expired, already used or not this client's");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
