package io.github.vciconnector.session.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every port contract on Redis managed by Sentinel (the master it names, found through the sentinels), untagged key names as on one server. */
class SentinelRedisSessionStoreTest extends RedisStoreContracts {

    private static Replicas replicas;

    @BeforeAll
    static void connect() {
        RedisTopology.SENTINEL.require(SentinelRedisSessionStoreTest.class.getSimpleName());
        replicas = Replicas.open(RedisTopology.SENTINEL, 1);
    }

    @AfterAll
    static void cleanUp() {
        if (replicas != null) replicas.close();
    }

    @Override
    protected Replicas replicas() {
        return replicas;
    }
}
