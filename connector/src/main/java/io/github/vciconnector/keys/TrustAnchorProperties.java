package io.github.vciconnector.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How trust anchors are kept current, bound from {@code connector.trust-anchors.*} (DESIGN §11).
 *
 * @param refreshInterval how often the trust-anchor files and directories are read again
 *                        ({@code CONNECTOR_TRUST_ANCHORS_REFRESH_INTERVAL}); at most a minute, so a rotated root is in
 *                        force within a minute
 */
@ConfigurationProperties("connector.trust-anchors")
public record TrustAnchorProperties(@DefaultValue("30s") Duration refreshInterval) {

    public TrustAnchorProperties {
        if (refreshInterval.compareTo(Duration.ofMillis(100)) < 0 || refreshInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("CONNECTOR_TRUST_ANCHORS_REFRESH_INTERVAL must be between 100ms and 1m");
        }
    }
}
