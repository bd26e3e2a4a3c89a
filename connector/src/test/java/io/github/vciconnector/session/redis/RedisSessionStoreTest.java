package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.AttemptCounters;
import io.github.vciconnector.session.AttemptCountersContract;
import io.github.vciconnector.session.IdempotencyKeysContract;
import io.github.vciconnector.session.Leases;
import io.github.vciconnector.session.LeasesContract;
import io.github.vciconnector.session.OfferStoreContract;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.github.vciconnector.session.SingleUseChecker;
import io.github.vciconnector.session.SingleUseCheckerContract;
import io.github.vciconnector.session.StatusListStore;
import io.github.vciconnector.session.StatusListStoreContract;
import io.github.vciconnector.session.StoreFixture;
import io.github.vciconnector.session.TestSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every port contract on the Redis adapter with a real Redis (localhost:6379), as two replicas: two adapters on two
 * connections sharing one unique key prefix. Time is real, because Redis expires keys by its own clock.
 */
class RedisSessionStoreTest implements StoreFixture {

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
        storeA = new RedisSessionStore(LocalRedis.template(replicaA), Clock.systemUTC(), RETENTION, PREFIX, SECRETS, new SecureRandom(), java.time.Duration.ofHours(24));
        storeB = new RedisSessionStore(LocalRedis.template(replicaB), Clock.systemUTC(), RETENTION, PREFIX, SECRETS, new SecureRandom(), java.time.Duration.ofHours(24));
    }

    @AfterAll
    static void cleanUp() {
        if (replicaA == null) return;
        LocalRedis.deleteKeys(LocalRedis.template(replicaA), PREFIX);
        replicaA.destroy();
        replicaB.destroy();
    }

    @Override
    public Object replica(int index) {
        return index == 0 ? storeA : storeB;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** As the session key's TTL running out would: the indexes still name the offer. */
    @Override
    public void forget(String offerId) {
        LocalRedis.template(replicaA).delete(PREFIX + "session:" + offerId);
    }

    @Override
    public void elapse(Duration duration) {
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
        var store = new RedisSessionStore(redis, Clock.systemUTC(), RETENTION, prefix, SECRETS, new SecureRandom(), java.time.Duration.ofHours(24));
        var session = TestSessions.offer(clock().instant(), Duration.ofMinutes(5));
        store.create(session);
        store.indexAccessToken(TestSessions.newTokenHash(), session.id(), Duration.ofMinutes(5));
        store.markUsed(SingleUseChecker.Kind.DPOP_JTI, "jkt:jti", Duration.ofMinutes(1));
        store.markUsed(SingleUseChecker.Kind.C_NONCE, "n", Duration.ofMinutes(1));
        store.increment(AttemptCounters.Kind.TX_CODE, session.offerId(), Duration.ofMinutes(6));
        store.putIfAbsent("k", "v", Duration.ofMinutes(1));
        store.acquire(Leases.Kind.CALLBACK_DELIVERY, session.offerId(), Duration.ofMinutes(1));
        try {
            Set<String> keys = redis.keys(prefix + "*");
            assertThat(keys).hasSize(10).noneMatch(key -> key.startsWith(prefix + "secret:"));
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

    /** Replicas of the previous version share this Redis during a rolling upgrade: the key names must not move. */
    @Test
    void keyNamesWhenWrittenThenThoseOfThePreviousVersion() {
        String prefix = LocalRedis.uniquePrefix();
        StringRedisTemplate redis = LocalRedis.template(replicaA);
        var store = new RedisSessionStore(redis, Clock.systemUTC(), RETENTION, prefix, SECRETS, new SecureRandom(), java.time.Duration.ofHours(24));
        try {
            store.markUsed(SingleUseChecker.Kind.DPOP_JTI, "a", Duration.ofMinutes(1));
            store.markUsed(SingleUseChecker.Kind.CLIENT_ATTESTATION_POP_JTI, "b", Duration.ofMinutes(1));
            store.markUsed(SingleUseChecker.Kind.C_NONCE, "c", Duration.ofMinutes(1));
            store.increment(AttemptCounters.Kind.TX_CODE, "d", Duration.ofMinutes(1));
            store.acquire(Leases.Kind.CALLBACK_DELIVERY, "e", Duration.ofMinutes(1));
            store.putIfAbsent("f", "v", Duration.ofMinutes(1));
            assertThat(redis.keys(prefix + "*")).containsExactlyInAnyOrder(prefix + "value:dpop-jti:a",
                    prefix + "value:abca-pop-jti:b", prefix + "value:c_nonce:c", prefix + "value:tx-code-attempts:d",
                    prefix + "value:callback-lease:e", prefix + "entry:offer-idempotency:f");
        } finally {
            LocalRedis.deleteKeys(redis, prefix);
        }
    }

    /** The previous version took the lease with markUsed ("1") and released it with DEL: both still exclude. */
    @Test
    void acquireWhenPreviousVersionHoldsTheLeaseThenEmpty() {
        StringRedisTemplate redis = LocalRedis.template(replicaA);
        String offerId = UUID.randomUUID().toString();
        redis.opsForValue().set(PREFIX + "value:callback-lease:" + offerId, "1", Duration.ofMinutes(1));
        assertThat(storeA.acquire(Leases.Kind.CALLBACK_DELIVERY, offerId, Duration.ofMinutes(1))).isEmpty();
        redis.delete(PREFIX + "value:callback-lease:" + offerId);
        assertThat(storeA.acquire(Leases.Kind.CALLBACK_DELIVERY, offerId, Duration.ofMinutes(1))).isPresent();
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

        assertThat(storeB.findById(b.id())).get().satisfies(read -> assertThat(read.claims()).isNull());
        assertThat(storeB.findById(a.id())).get().satisfies(read -> assertThat(read.claims()).isEqualTo(a.claims()));
    }

    @Test
    void anyCallWhenRedisUnreachableThenSessionStoreUnavailable() {
        LettuceConnectionFactory closed = LocalRedis.connectionFactory(closedPort());
        try {
            var store = new RedisSessionStore(LocalRedis.template(closed), Clock.systemUTC(), RETENTION, PREFIX, SECRETS, new SecureRandom(), java.time.Duration.ofHours(24));
            assertThatThrownBy(() -> store.markUsed(SingleUseChecker.Kind.DPOP_JTI, "x", Duration.ofSeconds(1)))
                    .isInstanceOf(SessionStoreUnavailableException.class).hasMessage("session store unavailable");
            assertThatThrownBy(() -> store.findById(TestSessions.newOfferId())).isInstanceOf(SessionStoreUnavailableException.class);
        } finally {
            closed.destroy();
        }
    }

    @Nested
    class StatusLists extends StatusListStoreContract {
        @Override
        protected StatusListStore store(int replica) {
            return new RedisStatusListStore(LocalRedis.template(replica == 0 ? replicaA : replicaB), Clock.systemUTC(), PREFIX);
        }
    }

    @Nested
    class Offers extends OfferStoreContract {
        @Override
        protected StoreFixture fixture() {
            return RedisSessionStoreTest.this;
        }
    }

    @Nested
    class SingleUse extends SingleUseCheckerContract {
        @Override
        protected StoreFixture fixture() {
            return RedisSessionStoreTest.this;
        }
    }

    @Nested
    class Attempts extends AttemptCountersContract {
        @Override
        protected StoreFixture fixture() {
            return RedisSessionStoreTest.this;
        }
    }

    @Nested
    class Lease extends LeasesContract {
        @Override
        protected StoreFixture fixture() {
            return RedisSessionStoreTest.this;
        }
    }

    @Nested
    class Idempotency extends IdempotencyKeysContract {
        @Override
        protected StoreFixture fixture() {
            return RedisSessionStoreTest.this;
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
