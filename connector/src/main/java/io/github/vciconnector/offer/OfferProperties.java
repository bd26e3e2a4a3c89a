package io.github.vciconnector.offer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Offer lifetime settings, bound from {@code connector.offers.*}.
 *
 * @param defaultTtl lifetime when {@code expires_in} is not sent ({@code CONNECTOR_OFFERS_DEFAULT_TTL})
 * @param maxTtl upper bound for {@code expires_in} ({@code CONNECTOR_OFFERS_MAX_TTL})
 * @param retention how long an ended offer stays readable by {@code GET /offers/{id}}
 * @param txCodeMaxAttempts wrong Transaction Codes tolerated before the offer is locked (VCI-TOK-4)
 * @param sweepInterval how often offers past their lifetime are looked for (EXPIRED)
 */
@Validated
@ConfigurationProperties("connector.offers")
public record OfferProperties(@DefaultValue("10m") Duration defaultTtl,
                              @DefaultValue("24h") Duration maxTtl,
                              @DefaultValue("24h") Duration retention,
                              @DefaultValue("5") @Min(1) @Max(100) int txCodeMaxAttempts,
                              @DefaultValue("1s") Duration sweepInterval) {
    public OfferProperties {
        if (defaultTtl.isNegative() || defaultTtl.isZero()) throw new IllegalArgumentException("CONNECTOR_OFFERS_DEFAULT_TTL must be positive");
        if (maxTtl.compareTo(defaultTtl) < 0) {
            throw new IllegalArgumentException("CONNECTOR_OFFERS_MAX_TTL must not be shorter than CONNECTOR_OFFERS_DEFAULT_TTL");
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) throw new IllegalArgumentException("connector.offers.sweep-interval must be positive");
        if (retention.isNegative()) throw new IllegalArgumentException("connector.offers.retention must not be negative");
    }
}
