package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.ServerKey;
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

/** Replicas agree on a server key through Redis, and agree again after Redis lost it (a restart without persistence). */
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
    void macWhenRedisLostTheKeyThenReplicasAgreeAgainAfterOneRefresh() {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var store = new RedisSessionStore(redis, clock, Duration.ofHours(1), PREFIX);
        var replicaA = new ServerKey(store, "keys", "test", new SecureRandom(), clock);
        var replicaB = new ServerKey(store, "keys", "test", new SecureRandom(), clock);
        byte[] input = "offer-id".getBytes(StandardCharsets.UTF_8);
        assertThat(replicaA.mac(input)).isEqualTo(replicaB.mac(input));

        LocalRedis.deleteKeys(redis, PREFIX);  // Redis restarted without its data
        var replicaC = new ServerKey(store, "keys", "test", new SecureRandom(), clock);
        byte[] newKeyMac = replicaC.mac(input);
        assertThat(replicaA.mac(input)).isNotEqualTo(newKeyMac);  // A still holds the lost key

        clock.advance(Duration.ofMinutes(2));
        assertThat(replicaA.mac(input)).isEqualTo(newKeyMac);
        assertThat(replicaB.mac(input)).isEqualTo(newKeyMac);
    }
}
