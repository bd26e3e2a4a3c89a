package io.github.vciconnector.support;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.keys.DevelopmentKeys;
import io.github.vciconnector.session.memory.InMemoryStatusListStore;
import io.github.vciconnector.status.StatusListMetrics;
import io.github.vciconnector.status.StatusListProperties;
import io.github.vciconnector.status.StatusListPublisher;
import io.github.vciconnector.status.StatusListTokenIssuer;
import io.github.vciconnector.status.StatusListUris;
import io.github.vciconnector.status.StatusLists;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/** Real status lists on the in-memory store, for unit tests of the features that draw entries from them. */
public final class TestStatusLists {

    private TestStatusLists() {
    }

    public static StatusLists inMemory(Clock clock, ConnectorProperties connector) {
        var properties = new StatusListProperties(1024, 1, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(24), 0, 0.9);
        var store = new InMemoryStatusListStore(clock);
        var uris = new StatusListUris(connector);
        var issuer = new StatusListTokenIssuer(new DevelopmentKeys(Clock.systemUTC(), new SecureRandom()).generate().credential(), uris, properties.ttl(), properties.tokenLifetime());
        var publisher = new StatusListPublisher(store, issuer, clock, properties.publishDelay());
        return new StatusLists(store, properties, new RandomTokens(new SecureRandom()), new SecureRandom(), uris,
                new StatusListMetrics(new SimpleMeterRegistry()), publisher);
    }
}
