package io.github.vciconnector.session.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every port contract on one Redis server with the 16 shards of the cluster layout (tagged key names), so the layout is checked even where no cluster runs. */
class ShardedRedisSessionStoreTest extends RedisStoreContracts {

    private static Replicas replicas;

    @BeforeAll
    static void connect() {
        RedisTopology.STANDALONE.require(ShardedRedisSessionStoreTest.class.getSimpleName());
        replicas = Replicas.open(RedisTopology.STANDALONE, 16);
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
