package io.github.vciconnector.session;

import java.time.Duration;

/**
 * How long a session stays readable after its offer expired or ended. The setting is the offer feature's
 * ({@code connector.offers.retention}, read once by {@code OfferProperties}); the offer configuration hands it to
 * the store adapters as this value, so no adapter reads another feature's property (and its default) itself.
 */
public record SessionRetention(Duration value) {

    public SessionRetention {
        if (value == null || value.isNegative()) throw new IllegalArgumentException("retention must not be negative");
    }
}
