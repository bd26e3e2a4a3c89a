package io.github.vciconnector.session.memory;

import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.ServerSecretsProperties;
import io.github.vciconnector.session.SessionRetention;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Wires the in-memory adapter, one bean implementing every store port, unless {@code CONNECTOR_SESSION_STORE} says
 * otherwise ({@code RedisSessionStoreConfiguration} wires the other). Here rather than in {@code session}, so the
 * port package never imports an adapter.
 */
@Configuration(proxyBeanMethods = false)
class InMemorySessionStoreConfiguration {

    @Bean
    @ConditionalOnProperty(name = "connector.session-store", havingValue = "memory", matchIfMissing = true)
    InMemorySessionStore inMemorySessionStore(Clock clock, SessionRetention retention) {
        return new InMemorySessionStore(clock, retention.value());
    }

    @Bean
    @ConditionalOnProperty(name = "connector.session-store", havingValue = "memory", matchIfMissing = true)
    InMemoryStatusListStore inMemoryStatusListStore(Clock clock) {
        return new InMemoryStatusListStore(clock);
    }

    @Bean
    @ConditionalOnProperty(name = "connector.session-store", havingValue = "memory", matchIfMissing = true)
    InMemoryAuthorizationStore inMemoryAuthorizationStore(Clock clock) {
        return new InMemoryAuthorizationStore(clock);
    }

    /**
     * One instance whose state dies with it needs no operator secret: a random master secret drawn at startup
     * serves, through the same derivation as the Redis store's. An operator-supplied one is used when set.
     */
    @Bean
    @ConditionalOnProperty(name = "connector.session-store", havingValue = "memory", matchIfMissing = true)
    ServerSecrets inMemoryServerSecrets(ServerSecretsProperties properties, SecureRandom random) {
        return properties.configured() ? properties.load("the in-memory store") : ServerSecrets.random(random);
    }
}
