package io.github.vciconnector.session.redis;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts of {@link RedisSessionStore}. Redis runs a script as one step, so each is one atomic rule across
 * replicas. Arguments are checked in Java first: a script that failed halfway would keep its earlier writes.
 */
final class RedisScripts {

    /** KEYS: session, code index. ARGV: version, json, session ttl ms, offer id, code ttl ms. 0 on id collision. */
    static final RedisScript<Long> CREATE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'version', ARGV[1], 'json', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
            return 1""", Long.class);

    /** KEYS: session. ARGV: expected version, new version, json. Compare-and-set; HSET keeps the key's TTL. */
    static final RedisScript<Long> UPDATE = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], 'version')
            if current ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'version', ARGV[2], 'json', ARGV[3])
            return 1""", Long.class);

    /** KEYS: counter. ARGV: ttl ms, set only when the key has none (first increment). */
    static final RedisScript<Long> INCREMENT = RedisScript.of("""
            local value = redis.call('INCR', KEYS[1])
            if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return value""", Long.class);

    /** KEYS: secret. ARGV: candidate. The stored value wins; no TTL (server-wide secrets). */
    static final RedisScript<String> GET_OR_CREATE = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current then return current end
            redis.call('SET', KEYS[1], ARGV[1])
            return ARGV[1]""", String.class);

    /** KEYS: entry. ARGV: value, ttl ms. Returns the existing value, or nil when the new one was stored. */
    static final RedisScript<String> PUT_IF_ABSENT = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current then return current end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return false""", String.class);

    private RedisScripts() {
    }
}
