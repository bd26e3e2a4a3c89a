package io.github.vciconnector.session.redis;

import org.springframework.data.redis.core.script.RedisScript;

import java.util.List;

/**
 * The Lua scripts of {@link RedisSessionStore}. Redis runs a script as one step, so each is one atomic rule across
 * replicas. Arguments are checked in Java first: a script that failed halfway would keep its earlier writes.
 */
final class RedisScripts {

    /** Puts offer {@code id} in or out of the callbacks-due and expiry indexes; "" as a score means "out". */
    private static final String INDEX = """
            if due == '' then redis.call('ZREM', callbacks, id) else redis.call('ZADD', callbacks, due, id) end
            if expires == '' then redis.call('ZREM', expiry, id) else redis.call('ZADD', expiry, expires, id) end
            """;

    /**
     * KEYS: session, callbacks-due index, expiry index (one slot: the offer's shard). ARGV: version, json, session
     * ttl ms, offer id, callback due ms or "", expiry ms or "". 0 on id collision. The session and its index places
     * are written together, so a state change and its pending callback are never half-written. The code index is
     * written before, alone ({@link RedisSessionStore#create}).
     */
    static final RedisScript<Long> CREATE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'version', ARGV[1], 'json', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            local callbacks, expiry, id, due, expires = KEYS[2], KEYS[3], ARGV[4], ARGV[5], ARGV[6]
            """ + INDEX + """
            return 1""", Long.class);

    /**
     * KEYS: session, callbacks-due index, expiry index. ARGV: expected version, new version, json, session ttl ms,
     * offer id, callback due ms or "", expiry ms or "". Compare-and-set; the indexes follow the winner.
     */
    static final RedisScript<Long> UPDATE = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], 'version')
            if current ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'version', ARGV[2], 'json', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            local callbacks, expiry, id, due, expires = KEYS[2], KEYS[3], ARGV[5], ARGV[6], ARGV[7]
            """ + INDEX + """
            return 1""", Long.class);

    /**
     * KEYS: an index of one shard. ARGV: now ms, limit, the shard's session key prefix (the sessions share the
     * index's slot). Offer ids due at or before now with their due time, earliest first, as a flat list id, ms, id,
     * ms...; ids whose session expired meanwhile are dropped from the index on the way.
     */
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> DUE = RedisScript.of("""
            local due = {}
            local found = redis.call('ZRANGE', KEYS[1], '-inf', ARGV[1], 'BYSCORE', 'LIMIT', 0, tonumber(ARGV[2]), 'WITHSCORES')
            for i = 1, #found, 2 do
              local id = found[i]
              if redis.call('EXISTS', ARGV[3] .. id) == 1 then
                table.insert(due, id)
                table.insert(due, found[i + 1])
              else
                redis.call('ZREM', KEYS[1], id)
              end
            end
            return due""", List.class);

    /** KEYS: counter. ARGV: ttl ms, set only when the key has none (first increment). */
    static final RedisScript<Long> INCREMENT = RedisScript.of("""
            local value = redis.call('INCR', KEYS[1])
            if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return value""", Long.class);

    /** KEYS: entry. ARGV: value, ttl ms. Returns the existing value, or nil when the new one was stored. */
    static final RedisScript<String> PUT_IF_ABSENT = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current then return current end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return false""", String.class);

    /** KEYS: lease. ARGV: owner token. Deletes the lease only while it still holds this owner's token. */
    static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""", Long.class);

    private RedisScripts() {
    }
}
