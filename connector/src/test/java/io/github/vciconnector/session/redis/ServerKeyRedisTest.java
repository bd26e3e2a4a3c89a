package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.TestSessions;
import io.github.vciconnector.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server keys come from the master secret alone: replicas agree without Redis, and a Redis that lost its data (a
 * restart without persistence) changes no key. Before, the keys lived in Redis and had to converge again.
 */
class ServerKeyRedisTest {

    private static final String PREFIX = LocalRedis.uniquePrefix();
    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        LocalRedis.require(ServerKeyRedisTest.class.getSimpleName());
        factory = LocalRedis.connectionFactory(LocalRedis.PORT);
        redis = LocalRedis.template(factory);
    }

    @AfterAll
    static void clean() {
        if (redis == null) return;
        LocalRedis.deleteKeys(redis, PREFIX);
        factory.destroy();
    }

    @Test
    void macWhenRedisLostItsDataThenReplicasWithOneMasterSecretStillAgree() {
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var replicaA = ServerSecrets.of(master, null);
        var replicaB = ServerSecrets.of(master.clone(), null);
        var store = new RedisSessionStore(redis, clock, Duration.ofHours(1), PREFIX, replicaA, new SecureRandom(), java.time.Duration.ofHours(24));
        store.create(TestSessions.offer(clock.instant(), Duration.ofMinutes(5)));
        byte[] input = "offer-id".getBytes(StandardCharsets.UTF_8);
        byte[] before = replicaA.hmacKey("offer-secrets").mac(input);
        assertThat(replicaB.hmacKey("offer-secrets").mac(input)).isEqualTo(before);
        assertThat(redis.keys(PREFIX + "secret:*")).as("no key material in Redis").isEmpty();

        LocalRedis.deleteKeys(redis, PREFIX);  // Redis restarted without its data
        assertThat(ServerSecrets.of(master, null).hmacKey("offer-secrets").mac(input)).isEqualTo(before);
        assertThat(replicaB.hmacKey("offer-secrets").mac(input)).isEqualTo(before);
    }

    @Test
    void macWhenLabelsDifferThenKeysAreIndependent() {
        var secrets = ServerSecrets.random(new SecureRandom());
        byte[] input = "same input".getBytes(StandardCharsets.UTF_8);
        assertThat(secrets.hmacKey("offer-secrets").mac(input)).isNotEqualTo(secrets.hmacKey("c-nonce").mac(input))
                .isNotEqualTo(secrets.hmacKey("dpop-nonce").mac(input));
    }
}
