package io.github.vciconnector.session.redis;

import org.springframework.data.redis.core.script.RedisScript;

import java.util.List;

/**
 * The Lua scripts of {@link RedisStatusListStore}. Each touches the keys of ONE list only, all under the hash tag
 * {@code {sl:<listId>}}, so each runs in one Redis Cluster slot; the current-list pointer and the list registry are
 * keys of their own, changed by single-key scripts. Arguments are checked in Java first.
 */
final class StatusListScripts {

    /** Keeps {@code key} at least {@code ttl} ms; never shortens what an earlier, longer-lived credential asked for. */
    private static final String KEEP = """
            local function keep(key, ttl)
              if redis.call('PTTL', key) < ttl then redis.call('PEXPIRE', key, ttl) end
            end
            """;

    /**
     * KEYS: meta, taken, status. ARGV: size, bits, keep ms. 0 when the list exists. The two bitmaps get their full
     * length at once (SETBIT of the last bit), so BITPOS and GET see every entry; the padding bits of the last byte
     * of {@code taken} are marked taken, so no index past {@code size} is ever handed out.
     */
    static final RedisScript<Long> CREATE = RedisScript.of(KEEP + """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            local size, bits, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
            redis.call('HSET', KEYS[1], 'size', size, 'bits', bits, 'allocated', 0, 'version', 0)
            local padded = math.ceil(size / 8) * 8
            redis.call('SETBIT', KEYS[2], padded - 1, 0)
            for i = size, padded - 1 do redis.call('SETBIT', KEYS[2], i, 1) end
            redis.call('SETBIT', KEYS[3], math.ceil(size * bits / 8) * 8 - 1, 0)
            for _, key in ipairs(KEYS) do keep(key, ttl) end
            return 1""", Long.class);

    /**
     * KEYS: meta, taken, status. ARGV: count, k, keep ms, then count*k candidate indices. Returns
     * {allocated, size, index...}, or {-1} when there is no such list. One script, so two replicas never take the
     * same index: SETBIT answers the old bit, and a taken candidate is skipped.
     */
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> ALLOCATE = RedisScript.of(KEEP + """
            local meta = redis.call('HMGET', KEYS[1], 'size', 'allocated')
            if not meta[1] then return {-1} end
            local size, allocated = tonumber(meta[1]), tonumber(meta[2])
            local count, k, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
            local result = {0, size}
            for c = 0, count - 1 do
              if allocated >= size then break end
              local index = -1
              for j = 1, k do
                local candidate = tonumber(ARGV[3 + c * k + j])
                if candidate >= 0 and candidate < size and redis.call('SETBIT', KEYS[2], candidate, 1) == 0 then
                  index = candidate
                  break
                end
              end
              if index < 0 then
                local from = math.min(math.floor(tonumber(ARGV[3 + c * k + k]) / 8), math.floor((size - 1) / 8))
                index = redis.call('BITPOS', KEYS[2], 0, from)
                if index < 0 or index >= size then index = redis.call('BITPOS', KEYS[2], 0) end
                if index < 0 or index >= size then break end
                redis.call('SETBIT', KEYS[2], index, 1)
              end
              allocated = allocated + 1
              table.insert(result, index)
            end
            redis.call('HSET', KEYS[1], 'allocated', allocated)
            result[1] = allocated
            for _, key in ipairs(KEYS) do keep(key, ttl) end
            return result""", List.class);

    /**
     * KEYS: meta, status. ARGV: field type (u1, u2, u4, u8), value, then BITFIELD offsets. Sets each entry that does
     * not hold the value yet; the version goes up once when any changed. Returns the version, or -1 without a list.
     */
    static final RedisScript<Long> SET_STATUS = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            local changed = false
            for i = 3, #ARGV do
              local old = redis.call('BITFIELD', KEYS[2], 'GET', ARGV[1], ARGV[i])[1]
              if old ~= tonumber(ARGV[2]) then
                redis.call('BITFIELD', KEYS[2], 'SET', ARGV[1], ARGV[i], ARGV[2])
                changed = true
              end
            end
            if changed then return redis.call('HINCRBY', KEYS[1], 'version', 1) end
            return tonumber(redis.call('HGET', KEYS[1], 'version'))""", Long.class);

    /** KEYS: the current-list pointer. ARGV: expected ("" for none), next. Returns the id it names afterwards. */
    static final RedisScript<String> SWITCH_CURRENT = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if (current == false and ARGV[1] == '') or current == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2])
              return ARGV[2]
            end
            return current""", String.class);

    /** KEYS: the list registry (sorted set by keep-until ms). ARGV: now ms. Drops lists past their keep-until, counts the rest. */
    static final RedisScript<Long> COUNT = RedisScript.of("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            return redis.call('ZCARD', KEYS[1])""", Long.class);

    private StatusListScripts() {
    }
}
