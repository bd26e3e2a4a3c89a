package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.TestSessions;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every port contract on a Redis Cluster (3 masters, 3 replicas on 7000-7005), with the shards the connector picks
 * there. Redis itself refuses a script whose keys span slots (CROSSSLOT), so the contracts passing here is the proof
 * that every script touches one slot; the test below also shows the offers spread over the masters.
 */
class ClusterRedisSessionStoreTest extends RedisStoreContracts {

    private static Replicas replicas;

    @BeforeAll
    static void connect() {
        RedisTopology.CLUSTER.require(ClusterRedisSessionStoreTest.class.getSimpleName());
        replicas = Replicas.open(RedisTopology.CLUSTER, new RedisSessionStoreProperties("vcc:", 0).shardsFor(true));
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
    void offerKeysWhenWrittenThenTaggedByShardAndOnTheSlotOfTheirShardsIndexes() {
        RedisKeys keys = replicas.keys();
        Set<Integer> shards = new HashSet<>();
        for (int i = 0; i < 64; i++) {
            var session = TestSessions.offer(clock().instant(), Duration.ofMinutes(5));
            replicas.storeA().create(session);
            int shard = keys.shardOf(session.offerId());
            shards.add(shard);
            String key = keys.session(session.offerId());
            assertThat(replicas.redis().hasKey(key)).isTrue();
            assertThat(key).startsWith(replicas.prefix() + "{o" + shard + "}:session:");
            assertThat(SlotHash.getSlot(key)).isEqualTo(SlotHash.getSlot(keys.callbacksDue(shard)))
                    .isEqualTo(SlotHash.getSlot(keys.expiryDue(shard)));
        }
        assertThat(shards).as("64 offers over 16 shards").hasSizeGreaterThan(8);
    }
}
