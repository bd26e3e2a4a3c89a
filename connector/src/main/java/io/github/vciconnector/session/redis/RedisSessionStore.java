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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The store for several replicas, one adapter for every store port: all state in one Redis, every single-use rule one Redis command
 * ({@code SET NX PX}, {@code DEL}) or one Lua script ({@link RedisScripts}), every key with a TTL except the
 * two time indexes. Sessions are kept until {@link IssuanceSession#retainUntil}, as in the in-memory store; their
 * claims are encrypted ({@link ClaimsCipher}). No key material is ever read from or written to Redis. Any Redis
 * failure becomes {@link SessionStoreUnavailableException}.
 */
public final class RedisSessionStore implements OfferStore, SingleUseChecker, AttemptCounters, Leases, IdempotencyKeys {

    private static final String SESSION = "session:";
    private static final String CODE = "code:";
    private static final String TOKEN = "token:";
    /**
     * One key space for single-use values, attempt counters and leases, as in the in-memory store. The key names
     * ({@code value:<namespace>:<value>}) are those of the previous version, so replicas of both see the same keys
     * during a rolling upgrade; a lease of the previous version holds "1", which no owner token equals.
     */
    private static final String VALUE = "value:";
    private static final String ENTRY = "entry:";
    /** Sorted sets of offer ids by epoch millis; entries leave when the offer ends, or when found without a session. */
    private static final String CALLBACKS_DUE = "index:callbacks-due";
    private static final String EXPIRY_DUE = "index:expiry-due";

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration retention;
    private final String prefix;
    private final SessionJson json;

    /**
     * @param clock     computes TTLs from offer expiry times; Redis' own clock enforces them afterwards
     * @param retention how long a session stays readable after its offer expired or ended
     * @param secrets   the master secrets the claims encryption key is derived from
     * @param callbackMaxAge the configured callback max age, for sessions stored without one ({@link SessionJson})
     */
    public RedisSessionStore(StringRedisTemplate redis, Clock clock, Duration retention, String keyPrefix,
                             ServerSecrets secrets, SecureRandom random, Duration callbackMaxAge) {
        this.redis = redis;
        this.clock = clock;
        this.retention = retention;
        this.prefix = new RedisSessionStoreProperties(keyPrefix).keyPrefix();
        this.json = new SessionJson(new ClaimsCipher(secrets, random), callbackMaxAge);
    }

    @Override
    public void create(IssuanceSession session) {
        Instant now = clock.instant();
        long created = call(() -> redis.execute(RedisScripts.CREATE,
                List.of(prefix + SESSION + session.offerId(), prefix + CODE + session.preAuthorizedCodeHash(),
                        prefix + CALLBACKS_DUE, prefix + EXPIRY_DUE),
                Long.toString(session.version()), json.write(session), retainMillis(session, now), session.offerId(),
                millis(Duration.between(now, session.expiresAt())), callbackDue(session), expiryDue(session)));
        if (created != 1) throw new IllegalStateException("offer id collision");
    }

    @Override
    public Optional<IssuanceSession> findById(OfferId offerId) {
        Object stored = call(() -> redis.opsForHash().get(prefix + SESSION + offerId, "json"));
        return stored == null ? Optional.empty() : Optional.of(json.read(stored.toString()));
    }

    @Override
    public Optional<IssuanceSession> findByPreAuthorizedCode(TokenHash codeHash) {
        return lookup(CODE + codeHash.value()).flatMap(OfferId::parse).flatMap(this::findById);
    }

    @Override
    public boolean redeemPreAuthorizedCode(TokenHash codeHash) {
        return deleteKey(CODE + codeHash.value());
    }

    @Override
    public boolean update(IssuanceSession updated, long expectedVersion) {
        return call(() -> redis.execute(RedisScripts.UPDATE,
                List.of(prefix + SESSION + updated.offerId(), prefix + CALLBACKS_DUE, prefix + EXPIRY_DUE),
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
        String tokenKey = prefix + TOKEN + accessTokenHash.value();
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
            redis.opsForValue().set(prefix + TOKEN + accessTokenHash.value(), offerId.value(), positive(ttl));
            return null;
        });
    }

    @Override
    public Optional<IssuanceSession> findByAccessToken(TokenHash accessTokenHash) {
        // An index entry whose value is no offer id (written by someone else into the store) names no session.
        return lookup(TOKEN + accessTokenHash.value()).flatMap(OfferId::parse).flatMap(this::findById);
    }

    @Override
    public boolean markUsed(SingleUseChecker.Kind kind, String value, Duration ttl) {
        return setIfAbsent(key(VALUE, kind.namespace(), value), "1", ttl);
    }

    @Override
    public long increment(AttemptCounters.Kind kind, String key, Duration ttl) {
        return call(() -> redis.execute(RedisScripts.INCREMENT, List.of(key(VALUE, kind.namespace(), key)), millis(ttl)));
    }

    @Override
    public String putIfAbsent(String keyHash, String value, Duration ttl) {
        return call(() -> redis.execute(RedisScripts.PUT_IF_ABSENT, List.of(key(ENTRY, NAMESPACE, keyHash)), value, millis(ttl)));
    }

    @Override
    public Optional<Lease> acquire(Leases.Kind kind, String resource, Duration ttl) {
        var lease = new Lease(kind, resource, UUID.randomUUID().toString());
        return setIfAbsent(key(VALUE, kind.namespace(), resource), lease.ownerToken(), ttl) ? Optional.of(lease) : Optional.empty();
    }

    @Override
    public void release(Lease lease) {
        call(() -> redis.execute(RedisScripts.RELEASE, List.of(key(VALUE, lease.kind().namespace(), lease.resource())),
                lease.ownerToken()));
    }

    @Override
    public List<OfferId> findDueCallbacks(Instant now, int limit) {
        return due(CALLBACKS_DUE, now, limit);
    }

    @Override
    public List<OfferId> findExpiredOffers(Instant now, int limit) {
        return due(EXPIRY_DUE, now, limit);
    }

    private List<OfferId> due(String index, Instant now, int limit) {
        List<?> ids = call(() -> redis.execute(RedisScripts.DUE, List.of(prefix + index),
                Long.toString(now.toEpochMilli()), Integer.toString(limit), prefix + SESSION));
        // A malformed member names no offer: skipped rather than failing the whole sweep.
        return ids == null ? List.of() : ids.stream().map(Object::toString).map(OfferId::parse).flatMap(Optional::stream).toList();
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
        return Optional.ofNullable(call(() -> redis.opsForValue().get(prefix + key)));
    }

    private boolean setIfAbsent(String key, String value, Duration ttl) {
        return Boolean.TRUE.equals(call(() -> redis.opsForValue().setIfAbsent(key, value, positive(ttl))));
    }

    private boolean deleteKey(String key) {
        return Boolean.TRUE.equals(call(() -> redis.delete(prefix + key)));
    }

    private String key(String kind, String namespace, String value) {
        return prefix + kind + namespace + ':' + value;
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
