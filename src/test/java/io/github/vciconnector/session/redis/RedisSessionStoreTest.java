package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.SessionStore;
import io.github.vciconnector.session.SessionStoreContract;
import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.github.vciconnector.session.TestSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link SessionStoreContract} on a real Redis (localhost:6379), as two replicas: two stores on two
 * connections sharing one key prefix. Time is real, because Redis expires keys by its own clock.
 */
class RedisSessionStoreTest extends SessionStoreContract {

    private static final String PREFIX = LocalRedis.uniquePrefix();
    /** Both replicas have the same master secret, as an operator configures them. */
    private static final ServerSecrets SECRETS = ServerSecrets.random(new SecureRandom());
    private static LettuceConnectionFactory replicaA;
    private static LettuceConnectionFactory replicaB;
    private static RedisSessionStore storeA;
    private static RedisSessionStore storeB;

    @BeforeAll
    static void connect() {
        LocalRedis.require(RedisSessionStoreTest.class.getSimpleName());
        replicaA = LocalRedis.connectionFactory(LocalRedis.PORT);
        replicaB = LocalRedis.connectionFactory(LocalRedis.PORT);
        storeA = new RedisSessionStore(LocalRedis.template(replicaA), Clock.systemUTC(), RETENTION, PREFIX, SECRETS, new SecureRandom());
        storeB = new RedisSessionStore(LocalRedis.template(replicaB), Clock.systemUTC(), RETENTION, PREFIX, SECRETS, new SecureRandom());
    }

    @AfterAll
    static void cleanUp() {
        if (replicaA == null) return;
        LocalRedis.deleteKeys(LocalRedis.template(replicaA), PREFIX);
        replicaA.destroy();
        replicaB.destroy();
    }

    @Override
    protected SessionStore store() {
        return storeA;
    }

    @Override
    protected SessionStore otherReplica() {
        return storeB;
    }

    @Override
    protected Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    protected void elapse(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyKeyWhenWrittenThenHasTtlExceptTimeIndexes() {
        String prefix = LocalRedis.uniquePrefix();
        StringRedisTemplate redis = LocalRedis.template(replicaA);
        var store = new RedisSessionStore(redis, Clock.systemUTC(), RETENTION, prefix, SECRETS, new SecureRandom());
        var session = TestSessions.offer(clock().instant(), Duration.ofMinutes(5));
        store.create(session);
        store.indexAccessToken("token-hash", session.offerId(), Duration.ofMinutes(5));
        store.markUsed("dpop-jti", "jkt:jti", Duration.ofMinutes(1));
        store.remember("c_nonce", "n", Duration.ofMinutes(1));
        store.increment("tx-code-failures", session.offerId(), Duration.ofMinutes(6));
        store.putIfAbsent("idempotency", "k", "v", Duration.ofMinutes(1));
        try {
            Set<String> keys = redis.keys(prefix + "*");
            assertThat(keys).hasSize(9).noneMatch(key -> key.startsWith(prefix + "secret:"));
            for (String key : keys) {
                long ttl = redis.getExpire(key);
                // The two time indexes, whose entries leave with their offers
                if (key.startsWith(prefix + "index:")) assertThat(ttl).as(key).isEqualTo(-1);
                else assertThat(ttl).as(key).isPositive();
            }
        } finally {
            LocalRedis.deleteKeys(redis, prefix);
        }
    }

    @Test
    void findByIdWhenSealedClaimsCopiedFromAnotherOfferThenReadWithoutClaims() {
        StringRedisTemplate redis = LocalRedis.template(replicaA);
        var a = TestSessions.offer(clock().instant(), Duration.ofMinutes(5));
        var b = TestSessions.offer(clock().instant(), Duration.ofMinutes(5));
        storeA.create(a);
        storeA.create(b);
        String jsonA = (String) redis.opsForHash().get(PREFIX + "session:" + a.offerId(), "json");
        String jsonB = (String) redis.opsForHash().get(PREFIX + "session:" + b.offerId(), "json");
        String sealedA = jsonA.replaceAll(".*\"sealedClaims\":\"([^\"]+)\".*", "$1");
        redis.opsForHash().put(PREFIX + "session:" + b.offerId(), "json",
                jsonB.replaceAll("\"sealedClaims\":\"[^\"]+\"", "\"sealedClaims\":\"" + sealedA + "\""));

        assertThat(storeB.findById(b.offerId())).get().satisfies(read -> assertThat(read.claims()).isNull());
        assertThat(storeB.findById(a.offerId())).get().satisfies(read -> assertThat(read.claims()).isEqualTo(a.claims()));
    }

    @Test
    void anyCallWhenRedisUnreachableThenSessionStoreUnavailable() {
        LettuceConnectionFactory closed = LocalRedis.connectionFactory(closedPort());
        try {
            var store = new RedisSessionStore(LocalRedis.template(closed), Clock.systemUTC(), RETENTION, PREFIX, SECRETS, new SecureRandom());
            assertThatThrownBy(() -> store.markUsed("dpop-jti", "x", Duration.ofSeconds(1)))
                    .isInstanceOf(SessionStoreUnavailableException.class).hasMessage("session store unavailable");
            assertThatThrownBy(() -> store.findById("x")).isInstanceOf(SessionStoreUnavailableException.class);
        } finally {
            closed.destroy();
        }
    }

    private static int closedPort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
