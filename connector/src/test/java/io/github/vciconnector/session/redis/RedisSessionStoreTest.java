package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.AttemptCounters;
import io.github.vciconnector.session.Leases;
import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.github.vciconnector.session.SingleUseChecker;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every port contract on the Redis adapter with a real Redis (localhost:6379), as two replicas: two adapters on two
 * connections sharing one unique key prefix. Time is real, because Redis expires keys by its own clock.
 */
class RedisSessionStoreTest extends RedisStoreContracts {

    private static Replicas replicas;
    private static String PREFIX;
    private static LettuceConnectionFactory replicaA;
    private static RedisSessionStore storeA;
    private static RedisSessionStore storeB;

    @BeforeAll
    static void connect() {
        RedisTopology.STANDALONE.require(RedisSessionStoreTest.class.getSimpleName());
        replicas = Replicas.open(RedisTopology.STANDALONE, 1);
        PREFIX = replicas.prefix();
        replicaA = replicas.a();
        storeA = replicas.storeA();
        storeB = replicas.storeB();
    }

    @AfterAll
    static void cleanUp() {
        if (replicas != null) replicas.close();
    }

    @Override
    protected Replicas replicas() {
        return replicas;
    }

    @Test
    void everyKeyWhenWrittenThenHasTtlExceptTimeIndexes() {
        String prefix = LocalRedis.uniquePrefix();
        StringRedisTemplate redis = LocalRedis.template(replicaA);
        var store = new RedisSessionStore(redis, Clock.systemUTC(), RETENTION, prefix, SECRETS, new SecureRandom(), java.time.Duration.ofHours(24));
        var session = TestSessions.offer(clock().instant(), Duration.ofMinutes(5));
        store.create(session);
        store.indexAccessToken(TestSessions.newTokenHash(), session.id(), Duration.ofMinutes(5));
        keyNamesOfOffersWhenWrittenThenThoseOfThePreviousVersion(redis, prefix, session);
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

    /** One shard: an offer's keys have the untagged names earlier versions wrote and read (rolling upgrade). */
    private static void keyNamesOfOffersWhenWrittenThenThoseOfThePreviousVersion(StringRedisTemplate redis, String prefix,
                                                                                  io.github.vciconnector.session.IssuanceSession session) {
        assertThat(redis.keys(prefix + "*")).contains(prefix + "session:" + session.offerId(),
                prefix + "code:" + session.preAuthorizedCodeHash(), prefix + "index:callbacks-due", prefix + "index:expiry-due");
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

    private static int closedPort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
