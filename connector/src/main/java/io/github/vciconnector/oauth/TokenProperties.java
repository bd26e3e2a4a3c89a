package io.github.vciconnector.oauth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Token endpoint settings, bound from {@code connector.token.*}.
 *
 * @param accessTokenLifetime lifetime of DPoP-bound access tokens; VCI-TOK-10 warns against long-lived tokens
 */
@ConfigurationProperties("connector.token")
public record TokenProperties(@DefaultValue("5m") Duration accessTokenLifetime) {
    public TokenProperties {
        if (accessTokenLifetime.compareTo(Duration.ofSeconds(30)) < 0 || accessTokenLifetime.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("connector.token.access-token-lifetime must be between 30s and 1h");
        }
    }
}
