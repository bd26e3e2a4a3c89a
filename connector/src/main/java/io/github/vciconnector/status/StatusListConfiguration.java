package io.github.vciconnector.status;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.keys.SigningKeys;
import io.github.vciconnector.session.StatusListStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;

/** Token Status List beans (DESIGN §9). */
@Configuration(proxyBeanMethods = false)
class StatusListConfiguration {

    @Bean
    StatusListUris statusListUris(ConnectorProperties connector) {
        return new StatusListUris(connector);
    }

    /** Signed with the credential key and its chain (TSL-6): the certificate of list and credential is the same. */
    @Bean
    StatusListPublisher statusListPublisher(StatusListStore store, SigningKeys keys, StatusListUris uris, Clock clock,
                                            StatusListProperties properties) {
        var issuer = new StatusListTokenIssuer(keys.credential(), uris, properties.ttl(), properties.tokenLifetime());
        return new StatusListPublisher(store, issuer, clock, properties.publishDelay());
    }

    @Bean
    StatusListMetrics statusListMetrics(MeterRegistry registry) {
        return new StatusListMetrics(registry);
    }

    @Bean
    StatusLists statusLists(StatusListStore store, StatusListProperties properties, RandomTokens tokens, SecureRandom random,
                            StatusListUris uris, StatusListMetrics metrics, StatusListPublisher publisher) {
        return new StatusLists(store, properties, tokens, random, uris, metrics, publisher);
    }

    @Bean
    StatusListHealth statusListsHealthIndicator(StatusListStore store, StatusListProperties properties) {
        return new StatusListHealth(store, properties);
    }
}
