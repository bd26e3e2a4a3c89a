package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.ServerSecretsProperties;
import io.github.vciconnector.session.CallbackMaxAge;
import io.github.vciconnector.session.SessionRetention;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.resource.Delay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Wires the {@link RedisSessionStore} when {@code CONNECTOR_SESSION_STORE=redis}, on Spring Boot's Lettuce
 * connection: one server ({@code SPRING_DATA_REDIS_URL}), Sentinel ({@code SPRING_DATA_REDIS_SENTINEL_MASTER},
 * {@code _NODES}) or a Redis Cluster ({@code SPRING_DATA_REDIS_CLUSTER_NODES}; topology refresh below). Only then does the health endpoint include Redis, so the in-memory default never reports a
 * Redis it does not use.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "connector.session-store", havingValue = "redis")
@EnableConfigurationProperties(RedisSessionStoreProperties.class)
public class RedisSessionStoreConfiguration {

    @Bean
    RedisSessionStore redisSessionStore(RedisConnectionFactory connectionFactory, Clock clock, RedisSessionStoreProperties properties,
                                        SessionRetention retention, ServerSecrets secrets, SecureRandom random,
                                        CallbackMaxAge callbackMaxAge) {
        var template = new StringRedisTemplate(connectionFactory);
        template.afterPropertiesSet();
        boolean cluster = connectionFactory instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware();
        return new RedisSessionStore(template, clock, retention.value(), properties.keyPrefix(), properties.shardsFor(cluster),
                secrets, random, callbackMaxAge.value());
    }

    /** The status lists (DESIGN §9) in the same Redis and under the same key prefix as the sessions. */
    @Bean
    RedisStatusListStore redisStatusListStore(RedisConnectionFactory connectionFactory, Clock clock,
                                              RedisSessionStoreProperties properties) {
        var template = new StringRedisTemplate(connectionFactory);
        template.afterPropertiesSet();
        return new RedisStatusListStore(template, clock, properties.keyPrefix());
    }

    @Bean
    RedisAuthorizationStore redisAuthorizationStore(RedisConnectionFactory connectionFactory, Clock clock,
                                                    RedisSessionStoreProperties properties) {
        var template = new StringRedisTemplate(connectionFactory);
        template.afterPropertiesSet();
        return new RedisAuthorizationStore(template, clock, properties.keyPrefix());
    }

    /**
     * Replicas share state, so they must derive the same keys: from the operator's master secret, never from
     * anything in Redis (someone who can read Redis must not be able to redeem its offers). Refuses to start without.
     */
    @Bean
    ServerSecrets serverSecrets(ServerSecretsProperties properties) {
        return properties.load("the Redis session store (CONNECTOR_SESSION_STORE=redis)");
    }

    /** Named like Spring Boot's own, which application.yml switches off for the in-memory store. */
    @Bean
    HealthIndicator redisHealthIndicator(RedisConnectionFactory connectionFactory) {
        return new DataRedisHealthIndicator(connectionFactory);
    }

    /** While Redis is unreachable, fail each command at once (503) instead of queueing it until a timeout. */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * On a Redis Cluster, find a promoted replica within seconds of a master's death (issue 15): re-read the
     * topology on every adaptive trigger (MOVED/ASK, uncovered slot, unknown node, 3 failed reconnects), at most once
     * a second (Lettuce's default would wait 30 s after a refresh that came too early, before the promotion), and
     * every 5 s anyway. Without a cluster Spring Boot hands over plain client options, which this leaves alone.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer followClusterFailover() {
        return options -> {
            if (options instanceof ClusterClientOptions.Builder cluster) cluster.topologyRefreshOptions(CLUSTER_REFRESH);
        };
    }

    static final ClusterTopologyRefreshOptions CLUSTER_REFRESH = ClusterTopologyRefreshOptions.builder()
            .enableAllAdaptiveRefreshTriggers().adaptiveRefreshTriggersTimeout(Duration.ofSeconds(1))
            .refreshTriggersReconnectAttempts(3).enablePeriodicRefresh(Duration.ofSeconds(5)).dynamicRefreshSources(true)
            .build();

    /** Retry the connection at most every 2 s, so service resumes soon after Redis is back (Lettuce's default is 30 s). */
    @Bean
    ClientResourcesBuilderCustomizer quickReconnect() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
    }
}
