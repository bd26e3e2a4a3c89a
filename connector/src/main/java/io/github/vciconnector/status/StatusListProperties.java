package io.github.vciconnector.status;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Token Status List settings, bound from {@code connector.status-list.*} (DESIGN §9, checklist P).
 *
 * @param size          entries per list; a full list is followed by a new one. Large lists hide each holder in a
 *                      large crowd (TSL §13.2); 131072 entries of 1 bit are 16 KiB before compression
 * @param bits          bits per entry, 1, 2, 4 or 8 (TSL-2); the connector writes 0x00 VALID and 0x01 INVALID only
 * @param publishDelay  how soon a revocation shows in the list every replica serves: each replica checks a list's
 *                      version at most this often and renders it again when it changed
 * @param ttl           the token's {@code ttl} claim and the {@code Cache-Control} max-age: how long verifiers may
 *                      keep a fetched list (TSL-8)
 * @param tokenLifetime {@code exp - iat} of a rendered list token; it is rendered again when half of it has passed
 * @param maxLists      how many lists may exist at once, 0 for no limit; a full list with none left to create
 *                      stops issuance and shows as a warning in the health endpoint before it happens
 * @param warnFill      the fill level (0..1) of the current list from which the health endpoint warns when no next
 *                      list can be created
 */
@ConfigurationProperties("connector.status-list")
public record StatusListProperties(
        @DefaultValue("131072") int size,
        @DefaultValue("1") int bits,
        @DefaultValue("10s") Duration publishDelay,
        @DefaultValue("5m") Duration ttl,
        @DefaultValue("24h") Duration tokenLifetime,
        @DefaultValue("0") int maxLists,
        @DefaultValue("0.9") double warnFill) {

    public StatusListProperties {
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8)
            throw new IllegalArgumentException("connector.status-list.bits must be 1, 2, 4 or 8 (TSL §4.1)");
        if (size < 16 || size > 64 * 1024 * 1024 || size % 8 != 0)
            throw new IllegalArgumentException("connector.status-list.size must be a multiple of 8 between 16 and 67108864");
        if (publishDelay.isNegative() || publishDelay.isZero())
            throw new IllegalArgumentException("connector.status-list.publish-delay must be positive");
        if (ttl.toSeconds() < 1) throw new IllegalArgumentException("connector.status-list.ttl must be at least 1s");
        if (tokenLifetime.compareTo(ttl) <= 0)
            throw new IllegalArgumentException("connector.status-list.token-lifetime must be longer than connector.status-list.ttl");
        if (maxLists < 0) throw new IllegalArgumentException("connector.status-list.max-lists must not be negative");
        if (!(warnFill > 0 && warnFill <= 1)) throw new IllegalArgumentException("connector.status-list.warn-fill must be in (0, 1]");
    }
}
