package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.AttemptCounters;
import io.github.vciconnector.session.IdempotencyKeys;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.Leases;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.github.vciconnector.session.SingleUseChecker;
import io.github.vciconnector.session.TokenHash;
import io.lettuce.core.RedisException;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The store for several replicas, one adapter for every store port: all state in one Redis, every single-use rule one Redis command
 * ({@code SET NX PX}, {@code DEL}) or one Lua script ({@link RedisScripts}), every key with a TTL except the
 * two time indexes. Sessions are kept until {@link IssuanceSession#retainUntil}, as in the in-memory store; their
 * claims are encrypted ({@link ClaimsCipher}). No key material is ever read from or written to Redis. Any Redis
 * failure becomes {@link SessionStoreUnavailableException}.
 */
public final class RedisSessionStore implements OfferStore, SingleUseChecker, AttemptCounters, Leases, IdempotencyKeys {

    /**
     * Where every key is ({@link RedisKeys}). Single-use values, attempt counters and leases share one key space,
     * {@code value:<namespace>:<value>}, as in the in-memory store; a lease of an earlier version holds "1", which no
     * owner token equals.
     */
    private final RedisKeys keys;
    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration retention;
    private final SessionJson json;

    /**
     * @param clock     computes TTLs from offer expiry times; Redis' own clock enforces them afterwards
     * @param retention how long a session stays readable after its offer expired or ended
     * @param secrets   the master secrets the claims encryption key is derived from
     * @param callbackMaxAge the configured callback max age, for sessions stored without one ({@link SessionJson})
     */
    public RedisSessionStore(StringRedisTemplate redis, Clock clock, Duration retention, String keyPrefix,
                             ServerSecrets secrets, SecureRandom random, Duration callbackMaxAge) {
        this(redis, clock, retention, keyPrefix, 1, secrets, random, callbackMaxAge);
    }

    /** @param shards how many shards the offers are spread over ({@link RedisKeys}); 1 for the untagged names */
    public RedisSessionStore(StringRedisTemplate redis, Clock clock, Duration retention, String keyPrefix, int shards,
                             ServerSecrets secrets, SecureRandom random, Duration callbackMaxAge) {
        this.redis = redis;
        this.clock = clock;
        this.retention = retention;
        this.keys = new RedisKeys(new RedisSessionStoreProperties(keyPrefix, shards).keyPrefix(), shards);
        this.json = new SessionJson(new ClaimsCipher(secrets, random), callbackMaxAge);
    }

    /**
     * The code index first, alone on its slot: until the script below stores the session, it names no session (and
     * a lookup finds nothing); then the session and its index places, together or not at all.
     */
    @Override
    public void create(IssuanceSession session) {
        Instant now = clock.instant();
        int shard = keys.shardOf(session.offerId());
        call(() -> {
            redis.opsForValue().set(keys.code(session.preAuthorizedCodeHash()), session.offerId(),
                    positive(Duration.between(now, session.expiresAt())));
            return null;
        });
        long created = call(() -> redis.execute(RedisScripts.CREATE,
                List.of(keys.session(session.offerId()), keys.callbacksDue(shard), keys.expiryDue(shard)),
                Long.toString(session.version()), json.write(session), retainMillis(session, now), session.offerId(),
                callbackDue(session), expiryDue(session)));
        if (created != 1) throw new IllegalStateException("offer id collision");
    }

    @Override
    public Optional<IssuanceSession> findById(OfferId offerId) {
        Object stored = call(() -> redis.opsForHash().get(keys.session(offerId.value()), "json"));
        return stored == null ? Optional.empty() : Optional.of(json.read(stored.toString()));
    }

    @Override
    public Optional<IssuanceSession> findByPreAuthorizedCode(TokenHash codeHash) {
        return lookup(keys.code(codeHash.value())).flatMap(OfferId::parse).flatMap(this::findById);
    }

    @Override
    public boolean redeemPreAuthorizedCode(TokenHash codeHash) {
        return deleteKey(keys.code(codeHash.value()));
    }

    @Override
    public boolean update(IssuanceSession updated, long expectedVersion) {
        int shard = keys.shardOf(updated.offerId());
        return call(() -> redis.execute(RedisScripts.UPDATE,
                List.of(keys.session(updated.offerId()), keys.callbacksDue(shard), keys.expiryDue(shard)),
                Long.toString(expectedVersion), Long.toString(updated.version()), json.write(updated),
                retainMillis(updated, clock.instant()), updated.offerId(), callbackDue(updated), expiryDue(updated))) == 1;
    }

    /**
     * The token index first, as a single-key write of its own (its key has its own slot on a Redis Cluster), then
     * the session's compare-and-set, which is the grant: until it wins, the index names a token nobody was given,
     * and if Redis fails before it, the session is unchanged and the code still redeemable.
     */
    @Override
    public boolean redeem(IssuanceSession redeemed, long expectedVersion, TokenHash accessTokenHash, Duration tokenTtl) {
        String tokenKey = keys.token(accessTokenHash.value());
        call(() -> {
            redis.opsForValue().set(tokenKey, redeemed.offerId(), positive(tokenTtl));
            return null;
        });
        if (update(redeemed, expectedVersion)) return true;
        call(() -> redis.delete(tokenKey));
        return false;
    }

    @Override
    public void indexAccessToken(TokenHash accessTokenHash, OfferId offerId, Duration ttl) {
        call(() -> {
            redis.opsForValue().set(keys.token(accessTokenHash.value()), offerId.value(), positive(ttl));
            return null;
        });
    }

    @Override
    public Optional<IssuanceSession> findByAccessToken(TokenHash accessTokenHash) {
        // An index entry whose value is no offer id (written by someone else into the store) names no session.
        return lookup(keys.token(accessTokenHash.value())).flatMap(OfferId::parse).flatMap(this::findById);
    }

    @Override
    public boolean markUsed(SingleUseChecker.Kind kind, String value, Duration ttl) {
        return setIfAbsent(keys.value(kind.namespace(), value), "1", ttl);
    }

    @Override
    public long increment(AttemptCounters.Kind kind, String key, Duration ttl) {
        return call(() -> redis.execute(RedisScripts.INCREMENT, List.of(keys.value(kind.namespace(), key)), millis(ttl)));
    }

    @Override
    public String putIfAbsent(String keyHash, String value, Duration ttl) {
        return call(() -> redis.execute(RedisScripts.PUT_IF_ABSENT, List.of(keys.entry(NAMESPACE, keyHash)), value, millis(ttl)));
    }

    @Override
    public Optional<Lease> acquire(Leases.Kind kind, String resource, Duration ttl) {
        var lease = new Lease(kind, resource, UUID.randomUUID().toString());
        return setIfAbsent(keys.value(kind.namespace(), resource), lease.ownerToken(), ttl) ? Optional.of(lease) : Optional.empty();
    }

    @Override
    public void release(Lease lease) {
        call(() -> redis.execute(RedisScripts.RELEASE, List.of(keys.value(lease.kind().namespace(), lease.resource())),
                lease.ownerToken()));
    }

    @Override
    public List<OfferId> findDueCallbacks(Instant now, int limit) {
        return due(keys::callbacksDue, now, limit);
    }

    @Override
    public List<OfferId> findExpiredOffers(Instant now, int limit) {
        return due(keys::expiryDue, now, limit);
    }

    /**
     * Shard by shard, one script each (one slot each), then earliest first across the shards. Each shard may hold
     * the {@code limit} earliest, so asking every shard for that many loses none of them.
     */
    private List<OfferId> due(IntFunction<String> index, Instant now, int limit) {
        record Due(String id, double at) {
        }
        var due = new ArrayList<Due>();
        for (int shard = 0; shard < keys.shards(); shard++) {
            int s = shard;
            List<?> found = call(() -> redis.execute(RedisScripts.DUE, List.of(index.apply(s)),
                    Long.toString(now.toEpochMilli()), Integer.toString(limit), keys.sessionPrefix(s)));
            if (found == null) continue;
            for (int i = 0; i + 1 < found.size(); i += 2) due.add(new Due(found.get(i).toString(), Double.parseDouble(found.get(i + 1).toString())));
        }
        due.sort(Comparator.comparingDouble(Due::at));
        // A malformed member names no offer: skipped rather than failing the whole sweep.
        return due.stream().limit(limit).map(Due::id).map(OfferId::parse).flatMap(Optional::stream).toList();
    }

    /** TTL of a session key: {@link IssuanceSession#retainUntil}, as the in-memory store keeps it. */
    private String retainMillis(IssuanceSession session, Instant now) {
        return millis(Duration.between(now, session.retainUntil(retention)));
    }

    private static String callbackDue(IssuanceSession session) {
        return session.outbox().nextDue().map(at -> Long.toString(at.toEpochMilli())).orElse("");
    }

    private static String expiryDue(IssuanceSession session) {
        return session.awaitsExpiry() ? Long.toString(session.expiresAt().toEpochMilli()) : "";
    }

    private Optional<String> lookup(String key) {
        return Optional.ofNullable(call(() -> redis.opsForValue().get(key)));
    }

    private boolean setIfAbsent(String key, String value, Duration ttl) {
        return Boolean.TRUE.equals(call(() -> redis.opsForValue().setIfAbsent(key, value, positive(ttl))));
    }

    private boolean deleteKey(String key) {
        return Boolean.TRUE.equals(call(() -> redis.delete(key)));
    }

    /** Redis refuses a zero or negative expiry; such an entry is dead on arrival, as in the in-memory store. */
    private static Duration positive(Duration ttl) {
        return ttl.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : ttl;
    }

    private static String millis(Duration ttl) {
        return Long.toString(positive(ttl).toMillis());
    }

    private static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (DataAccessException | RedisException e) {
            throw new SessionStoreUnavailableException("session store unavailable", e);
        }
    }
}
