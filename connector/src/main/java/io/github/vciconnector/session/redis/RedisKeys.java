package io.github.vciconnector.session.redis;

/**
 * The key names of the Redis store, and on which Redis Cluster slot each one lands (issue 15, DESIGN §6).
 *
 * <p>An offer's own keys (its session) and its places in the two time indexes (callbacks due, expiry due) are
 * written by one script, so they must share a slot: the offers are spread over {@code shards} shards, and each
 * shard has one hash tag, {@code {o<n>}}, carried by the sessions of its offers and by its own pair of time
 * indexes. The sweeps read the indexes shard by shard. Every other key is read and written alone, one command or a
 * script on that one key: the pre-authorized code and access token indexes (looked up before anything is known of
 * the offer), single-use values, attempt counters, leases and idempotency keys; each lands on a slot of its own.
 *
 * <p>With one shard the names carry no hash tag: they are the names of the versions before sharding, so a
 * standalone or Sentinel-managed Redis keeps its data across the upgrade. A Redis Cluster needs two shards or
 * more (the tagged names), which no earlier version wrote.
 */
final class RedisKeys {

    static final int MAX_SHARDS = 1024;

    private final String prefix;
    private final int shards;

    RedisKeys(String prefix, int shards) {
        if (shards < 1 || shards > MAX_SHARDS) throw new IllegalArgumentException("connector.redis.shards must be 1 to " + MAX_SHARDS);
        this.prefix = prefix;
        this.shards = shards;
    }

    int shards() {
        return shards;
    }

    /** The shard of an offer: fixed by its id, the same on every replica ({@link String#hashCode} is specified). */
    int shardOf(String offerId) {
        return shards == 1 ? 0 : Math.floorMod(offerId.hashCode(), shards);
    }

    String session(String offerId) {
        return sessionPrefix(shardOf(offerId)) + offerId;
    }

    /** What the session keys of one shard start with; the sweep script checks a session by appending the id. */
    String sessionPrefix(int shard) {
        return tag(shard) + "session:";
    }

    String callbacksDue(int shard) {
        return tag(shard) + "index:callbacks-due";
    }

    String expiryDue(int shard) {
        return tag(shard) + "index:expiry-due";
    }

    String code(String codeHash) {
        return prefix + "code:" + codeHash;
    }

    String token(String tokenHash) {
        return prefix + "token:" + tokenHash;
    }

    /** Single-use values, attempt counters and leases: {@code value:<namespace>:<value>}, names of earlier versions. */
    String value(String namespace, String value) {
        return prefix + "value:" + namespace + ':' + value;
    }

    String entry(String namespace, String key) {
        return prefix + "entry:" + namespace + ':' + key;
    }

    private String tag(int shard) {
        return shards == 1 ? prefix : prefix + "{o" + shard + "}:";
    }
}
