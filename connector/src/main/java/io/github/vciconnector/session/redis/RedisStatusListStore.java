package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.github.vciconnector.session.StatusListStore;
import io.lettuce.core.RedisException;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The status lists in Redis. Keys (after the store's prefix): {@code {sl:<id>}:meta} (hash: size, bits, allocated,
 * version), {@code {sl:<id>}:taken} (bitmap of handed-out indices) and {@code {sl:<id>}:status} (the entries in the
 * TSL byte layout), one hash slot per list; {@code sl:current} (the pointer) and {@code sl:lists} (registry, sorted
 * by keep-until) stand alone and change by single-key commands. Every key has a TTL: the latest credential
 * validity that drew from the list.
 */
public final class RedisStatusListStore implements StatusListStore {

    private static final String CURRENT = "sl:current";
    private static final String LISTS = "sl:lists";

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final String prefix;

    public RedisStatusListStore(StringRedisTemplate redis, Clock clock, String keyPrefix) {
        this.redis = redis;
        this.clock = clock;
        this.prefix = new RedisSessionStoreProperties(keyPrefix, 0).keyPrefix();
    }

    @Override
    public boolean create(String listId, int size, int bits, Duration keepFor) {
        requireId(listId);
        boolean created = call(() -> redis.execute(StatusListScripts.CREATE, keys(listId, "meta", "taken", "status"),
                Integer.toString(size), Integer.toString(bits), millis(keepFor))) == 1;
        if (created) register(listId, keepFor);
        return created;
    }

    @Override
    public Optional<Allocation> allocate(String listId, int count, int k, int[] candidates, Duration keepFor) {
        requireId(listId);
        if (candidates.length != count * k) throw new IllegalArgumentException("need count * k candidates");
        var args = new ArrayList<String>(3 + candidates.length);
        args.add(Integer.toString(count));
        args.add(Integer.toString(k));
        args.add(millis(keepFor));
        for (int candidate : candidates) args.add(Integer.toString(candidate));
        List<?> result = call(() -> redis.execute(StatusListScripts.ALLOCATE, keys(listId, "meta", "taken", "status"), args.toArray()));
        if (result == null || result.isEmpty() || ((Number) result.get(0)).longValue() < 0) return Optional.empty();
        var indices = new ArrayList<Integer>(result.size() - 2);
        for (Object index : result.subList(2, result.size())) indices.add(((Number) index).intValue());
        register(listId, keepFor);
        return Optional.of(new Allocation(indices, ((Number) result.get(0)).intValue(), ((Number) result.get(1)).intValue()));
    }

    @Override
    public OptionalLong setStatus(String listId, Collection<Integer> indices, int value) {
        requireId(listId);
        Optional<Integer> bits = meta(listId).map(m -> m[1]);
        if (bits.isEmpty()) return OptionalLong.empty();
        var args = new ArrayList<String>(indices.size() + 2);
        args.add("u" + bits.get());
        args.add(Integer.toString(value));
        for (int index : indices) args.add(Long.toString(bitfieldOffset(index, bits.get())));
        long version = call(() -> redis.execute(StatusListScripts.SET_STATUS, keys(listId, "meta", "status"), args.toArray()));
        return version < 0 ? OptionalLong.empty() : OptionalLong.of(version);
    }

    @Override
    public Optional<StoredStatusList> read(String listId) {
        if (!StatusListStore.isListId(listId)) return Optional.empty();
        // The version is read before the bytes: the bytes are at least as new, so a poller never misses a change.
        return call(() -> redis.execute((RedisCallback<Optional<StoredStatusList>>) connection -> {
            List<byte[]> meta = connection.hashCommands().hMGet(raw(listId, "meta"), bytes("size"), bytes("bits"),
                    bytes("allocated"), bytes("version"));
            if (meta == null || meta.get(0) == null) return Optional.empty();
            byte[] entries = connection.stringCommands().get(raw(listId, "status"));
            if (entries == null) return Optional.empty();
            return Optional.of(new StoredStatusList(listId, number(meta.get(0)), number(meta.get(1)), entries,
                    number(meta.get(2)), Long.parseLong(text(meta.get(3)))));
        }));
    }

    @Override
    public OptionalLong version(String listId) {
        if (!StatusListStore.isListId(listId)) return OptionalLong.empty();
        Object version = call(() -> redis.opsForHash().get(key(listId, "meta"), "version"));
        return version == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(version.toString()));
    }

    @Override
    public Optional<String> currentList() {
        return Optional.ofNullable(call(() -> redis.opsForValue().get(prefix + CURRENT))).filter(StatusListStore::isListId);
    }

    @Override
    public String switchCurrentList(String expected, String next) {
        requireId(next);
        return call(() -> redis.execute(StatusListScripts.SWITCH_CURRENT, List.of(prefix + CURRENT),
                expected == null ? "" : expected, next));
    }

    @Override
    public long countLists() {
        return call(() -> redis.execute(StatusListScripts.COUNT, List.of(prefix + LISTS), Long.toString(clock.millis())));
    }

    /**
     * TSL-3 packs entry {@code i} into bits {@code i*bits ..} counted from the least significant bit of each byte;
     * Redis BITFIELD counts from the most significant one and reads the field big-endian, which for a field within
     * one byte (bits divides 8) means this offset.
     */
    static long bitfieldOffset(int index, int bits) {
        long bit = (long) index * bits;
        return (bit / 8) * 8 + (8 - bit % 8 - bits);
    }

    /** The registry's score follows the longest keep-until (ZADD GT): one command on its own key. */
    private void register(String listId, Duration keepFor) {
        long until = clock.millis() + keepFor.toMillis();
        call(() -> redis.execute((RedisCallback<Object>) connection -> connection.execute("ZADD",
                bytes(prefix + LISTS), bytes("GT"), bytes(Long.toString(until)), bytes(listId))));
    }

    /** {@code [size, bits]} of a list, or empty. */
    private Optional<Integer[]> meta(String listId) {
        List<Object> meta = call(() -> redis.opsForHash().multiGet(key(listId, "meta"), List.of("size", "bits")));
        if (meta == null || meta.get(0) == null) return Optional.empty();
        return Optional.of(new Integer[]{Integer.parseInt(meta.get(0).toString()), Integer.parseInt(meta.get(1).toString())});
    }

    private List<String> keys(String listId, String... parts) {
        var keys = new ArrayList<String>(parts.length);
        for (String part : parts) keys.add(key(listId, part));
        return keys;
    }

    /** All keys of one list share the hash tag {@code {sl:<id>}} (the prefix allows no braces): one Cluster slot. */
    private String key(String listId, String part) {
        return prefix + "{sl:" + listId + "}:" + part;
    }

    private byte[] raw(String listId, String part) {
        return bytes(key(listId, part));
    }

    private static void requireId(String listId) {
        if (!StatusListStore.isListId(listId)) throw new IllegalArgumentException("not a status list id");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    private static int number(byte[] value) {
        return Integer.parseInt(text(value));
    }

    private static String millis(Duration ttl) {
        return Long.toString(Math.max(1, ttl.toMillis()));
    }

    private static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (DataAccessException | RedisException e) {
            throw new SessionStoreUnavailableException("status list store unavailable", e);
        }
    }
}
