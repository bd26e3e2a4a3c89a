package io.github.vciconnector.session.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Redis session store, bound from {@code connector.redis.*}; the connection itself is Spring
 * Boot's ({@code SPRING_DATA_REDIS_URL}).
 *
 * @param keyPrefix prepended to every key, so several connectors (or tests) can share one Redis database
 */
@ConfigurationProperties("connector.redis")
public record RedisSessionStoreProperties(@DefaultValue("vcc:") String keyPrefix) {

    public RedisSessionStoreProperties {
        if (keyPrefix == null || keyPrefix.isEmpty() || keyPrefix.length() > 64 || !keyPrefix.matches("[A-Za-z0-9:_.-]+"))
            throw new IllegalArgumentException("connector.redis.key-prefix must be 1 to 64 characters of A-Z a-z 0-9 : _ . -");
    }
}
