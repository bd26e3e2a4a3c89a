package io.github.vciconnector.session.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Redis session store, bound from {@code connector.redis.*}; the connection itself is Spring
 * Boot's ({@code SPRING_DATA_REDIS_URL}, {@code SPRING_DATA_REDIS_SENTINEL_*}, {@code SPRING_DATA_REDIS_CLUSTER_NODES}).
 *
 * @param keyPrefix prepended to every key, so several connectors (or tests) can share one Redis database
 * @param shards    how many shards the offers are spread over ({@link RedisKeys}); 0 (the default) picks 16 on a
 *                  Redis Cluster and 1 otherwise, the key names of earlier versions. Every replica must use the same
 *                  value, and changing it on a running deployment hides the offers stored under the old value.
 */
@ConfigurationProperties("connector.redis")
public record RedisSessionStoreProperties(@DefaultValue("vcc:") String keyPrefix, @DefaultValue("0") int shards) {

    /** Shards on a Redis Cluster when none are configured: spread over the masters, swept in 16 calls. */
    static final int CLUSTER_SHARDS = 16;

    public RedisSessionStoreProperties {
        if (keyPrefix == null || keyPrefix.isEmpty() || keyPrefix.length() > 64 || !keyPrefix.matches("[A-Za-z0-9:_.-]+"))
            throw new IllegalArgumentException("connector.redis.key-prefix must be 1 to 64 characters of A-Z a-z 0-9 : _ . -");
        if (shards < 0 || shards > RedisKeys.MAX_SHARDS)
            throw new IllegalArgumentException("connector.redis.shards must be 0 (automatic) to " + RedisKeys.MAX_SHARDS);
    }

    /** The shards to use: as configured, or the default for this kind of Redis; a Redis Cluster needs two or more. */
    int shardsFor(boolean cluster) {
        if (shards == 0) return cluster ? CLUSTER_SHARDS : 1;
        if (cluster && shards == 1)
            throw new IllegalArgumentException("connector.redis.shards must be at least 2 on a Redis Cluster (one shard has no hash tag)");
        return shards;
    }
}
