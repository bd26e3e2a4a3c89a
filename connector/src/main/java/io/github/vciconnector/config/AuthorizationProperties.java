package io.github.vciconnector.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The authorization code flow (DESIGN §10), bound from {@code connector.authorization.*}. The flow is on when
 * {@code CONNECTOR_AUTHORIZATION_LOGIN_URL} names the backend's login page: the connector never authenticates the
 * person itself, so without that page it advertises and serves only the pre-authorized code flow. Shared by
 * {@code oauth} (PAR, authorization endpoint), {@code offer} (the backend's decision) and {@code metadata}.
 *
 * @param loginUrl           where the authorization endpoint sends the browser, with {@code authorization_id}
 *                           (and {@code offer_id}) added to its query; https, or http to localhost
 * @param requestUriLifetime how long a PAR {@code request_uri} may be used (RFC 9126 §2.2: short-lived)
 * @param lifetime           how long the backend has to log the person in and complete or deny
 * @param codeLifetime       how long the authorization code may be redeemed (RFC 6749 §4.1.2: short-lived)
 */
@ConfigurationProperties("connector.authorization")
public record AuthorizationProperties(URI loginUrl,
                                      @DefaultValue("60s") Duration requestUriLifetime,
                                      @DefaultValue("10m") Duration lifetime,
                                      @DefaultValue("60s") Duration codeLifetime) {

    public AuthorizationProperties {
        if (loginUrl != null) {
            if (!loginUrl.isAbsolute() || loginUrl.getHost() == null || !ConnectorProperties.isHttpsOrLoopbackHttp(loginUrl)) {
                throw new IllegalArgumentException("CONNECTOR_AUTHORIZATION_LOGIN_URL (connector.authorization.login-url) "
                        + "must be an absolute https URL (http only for localhost)");
            }
            if (loginUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("CONNECTOR_AUTHORIZATION_LOGIN_URL (connector.authorization.login-url) must not have a fragment");
            }
        }
        requireBetween("request-uri-lifetime", requestUriLifetime, Duration.ofSeconds(1), Duration.ofMinutes(10));
        requireBetween("lifetime", lifetime, Duration.ofSeconds(1), Duration.ofHours(1));
        requireBetween("code-lifetime", codeLifetime, Duration.ofSeconds(1), Duration.ofMinutes(10));
    }

    /** True when the authorization code flow is served and advertised. */
    public boolean enabled() {
        return loginUrl != null;
    }

    private static void requireBetween(String name, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("connector.authorization." + name + " must be between " + min.toSeconds()
                    + "s and " + max.toSeconds() + "s");
        }
    }
}
