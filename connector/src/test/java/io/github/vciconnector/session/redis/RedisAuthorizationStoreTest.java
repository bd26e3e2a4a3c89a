package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.Authorization;
import io.github.vciconnector.session.AuthorizationStore;
import io.github.vciconnector.session.AuthorizationStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link AuthorizationStore} contract on the Redis adapter with a real Redis (localhost:6379), as two replicas on
 * two connections sharing one unique key prefix; and the key shape Redis Cluster needs (one hash tag per record).
 */
class RedisAuthorizationStoreTest extends AuthorizationStoreContract {

    private static final String PREFIX = LocalRedis.uniquePrefix();
    private static LettuceConnectionFactory replicaA;
    private static LettuceConnectionFactory replicaB;
    private static RedisAuthorizationStore storeA;
    private static RedisAuthorizationStore storeB;

    @BeforeAll
    static void connect() {
        LocalRedis.require(RedisAuthorizationStoreTest.class.getSimpleName());
        replicaA = LocalRedis.connectionFactory(LocalRedis.PORT);
        replicaB = LocalRedis.connectionFactory(LocalRedis.PORT);
        storeA = new RedisAuthorizationStore(LocalRedis.template(replicaA), Clock.systemUTC(), PREFIX);
        storeB = new RedisAuthorizationStore(LocalRedis.template(replicaB), Clock.systemUTC(), PREFIX);
    }

    @AfterAll
    static void cleanUp() {
        if (replicaA == null) return;
        LocalRedis.deleteKeys(LocalRedis.template(replicaA), PREFIX);
        replicaA.destroy();
        replicaB.destroy();
    }

    @Override
    protected AuthorizationStore replica(int index) {
        return index == 0 ? storeA : storeB;
    }

    @Override
    protected Clock clock() {
        return Clock.systemUTC();
    }

    @Test
    void createThenOneKeyWithTheIdAsHashTagAndATtl() {
        Authorization record = pushed(newId(), null);
        storeA.create(record);
        var redis = LocalRedis.template(replicaA);
        String key = PREFIX + "authorization:{" + record.id() + "}";

        assertThat(storeA.key(record.id())).isEqualTo(key);
        assertThat(redis.hasKey(key)).isTrue();
        Long ttl = redis.getExpire(key);
        assertThat(ttl).isPositive().isLessThanOrEqualTo(60 + Authorization.RETENTION.toSeconds());
        // nothing beside the one key: no index, so no script ever spans two slots
        assertThat(redis.keys(PREFIX + "*" + record.id() + "*")).containsExactly(key);
    }
}
