package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.Authorization;
import io.github.vciconnector.session.AuthorizationId;
import io.github.vciconnector.session.AuthorizationStore;
import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.lettuce.core.RedisException;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Redis adapter of {@link AuthorizationStore}: one hash per authorization, {@code authorization:{<id>}}, with
 * {@code version} and {@code json}. The hash tag is the whole id, so the key has its own slot in a Redis Cluster and
 * each script below touches that one key. Records hold no claims and no secret (the request_uri and the code are
 * derived from the id with the server key), so they are stored in clear.
 */
public final class RedisAuthorizationStore implements AuthorizationStore {

    /** KEYS: record. ARGV: version, json, ttl ms. 0 when the id is taken. */
    static final RedisScript<Long> CREATE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'version', ARGV[1], 'json', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1""", Long.class);

    /** KEYS: record. ARGV: expected version, new version, json, ttl ms. Compare-and-set. */
    static final RedisScript<Long> UPDATE = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'version') ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'version', ARGV[2], 'json', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1""", Long.class);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A newer replica may add members during a rolling upgrade
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final String prefix;

    public RedisAuthorizationStore(StringRedisTemplate redis, Clock clock, String keyPrefix) {
        this.redis = redis;
        this.clock = clock;
        this.prefix = new RedisSessionStoreProperties(keyPrefix, 0).keyPrefix();
    }

    @Override
    public void create(Authorization authorization) {
        long created = call(() -> redis.execute(CREATE, List.of(key(authorization.id())),
                Long.toString(authorization.version()), write(authorization), ttlMillis(authorization)));
        if (created != 1) throw new IllegalStateException("authorization id collision");
    }

    @Override
    public Optional<Authorization> findById(AuthorizationId id) {
        Object stored = call(() -> redis.opsForHash().get(key(id.value()), "json"));
        return stored == null ? Optional.empty() : Optional.of(read(stored.toString()));
    }

    @Override
    public boolean update(Authorization updated, long expectedVersion) {
        return call(() -> redis.execute(UPDATE, List.of(key(updated.id())), Long.toString(expectedVersion),
                Long.toString(updated.version()), write(updated), ttlMillis(updated))) == 1;
    }

    /** The key of one authorization; the braces make the id its Redis Cluster hash tag. */
    String key(String id) {
        return prefix + "authorization:{" + id + "}";
    }

    private String ttlMillis(Authorization authorization) {
        long millis = Duration.between(clock.instant(), authorization.retainUntil()).toMillis();
        return Long.toString(Math.max(millis, 1));
    }

    private static String write(Authorization authorization) {
        return MAPPER.writeValueAsString(authorization);
    }

    private static Authorization read(String json) {
        try {
            return MAPPER.readValue(json, Authorization.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored authorization is not readable", e);
        }
    }

    private static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (DataAccessException | RedisException e) {
            throw new SessionStoreUnavailableException("session store unavailable", e);
        }
    }
}
