package io.github.vciconnector.session.memory;

import io.github.vciconnector.session.AttemptCounters;
import io.github.vciconnector.session.IdempotencyKeys;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.Leases;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.session.SingleUseChecker;
import io.github.vciconnector.session.TokenHash;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded default store, one adapter for every store port: one instance, state lost on restart. Every single-use rule is a
 * single {@link ConcurrentHashMap} operation, so it is atomic within this JVM. Expired entries are invisible at
 * once and removed by {@link #purgeExpired()}, which writes trigger at most once a minute.
 */
public final class InMemorySessionStore implements OfferStore, SingleUseChecker, AttemptCounters, Leases, IdempotencyKeys {

    private record Entry<T>(T value, Instant expiresAt) {
        boolean alive(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    private final Clock clock;
    private final Duration retention;
    private final Map<String, Entry<IssuanceSession>> sessions = new ConcurrentHashMap<>();
    private final Map<String, Entry<String>> codes = new ConcurrentHashMap<>();
    private final Map<String, Entry<String>> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Entry<Long>> values = new ConcurrentHashMap<>();
    private final Map<String, Entry<String>> strings = new ConcurrentHashMap<>();
    private final TimeIndex dueCallbacks = new TimeIndex();
    private final TimeIndex pendingExpiry = new TimeIndex();
    private volatile Instant nextPurge = Instant.EPOCH;
    private final AtomicBoolean purging = new AtomicBoolean();

    /** @param retention how long a session stays readable after its offer expired or ended */
    public InMemorySessionStore(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public void create(IssuanceSession session) {
        var now = clock.instant();
        if (sessions.putIfAbsent(session.offerId(), new Entry<>(session, session.retainUntil(retention))) != null)
            throw new IllegalStateException("offer id collision");
        index(session);
        codes.put(session.preAuthorizedCodeHash(), new Entry<>(session.offerId(), session.expiresAt()));
        purgeOccasionally(now);
    }

    @Override
    public Optional<IssuanceSession> findById(OfferId offerId) {
        return findById(offerId.value());
    }

    private Optional<IssuanceSession> findById(String offerId) {
        return alive(sessions.get(offerId));
    }

    @Override
    public Optional<IssuanceSession> findByPreAuthorizedCode(TokenHash codeHash) {
        return alive(codes.get(codeHash.value())).flatMap(this::findById);
    }

    @Override
    public boolean redeemPreAuthorizedCode(TokenHash codeHash) {
        var removed = codes.remove(codeHash.value());
        return removed != null && removed.alive(clock.instant());
    }

    @Override
    public boolean update(IssuanceSession updated, long expectedVersion) {
        var swapped = new AtomicBoolean();
        sessions.computeIfPresent(updated.offerId(), (id, current) -> {
            if (current.value().version() != expectedVersion || !current.alive(clock.instant())) return current;
            swapped.set(true);
            index(updated); // inside compute: writes of one offer are serialised, so the indexes follow the winner
            return new Entry<>(updated, updated.retainUntil(retention));
        });
        return swapped.get();
    }

    @Override
    public boolean redeem(IssuanceSession redeemed, long expectedVersion, TokenHash accessTokenHash, Duration tokenTtl) {
        purgeOccasionally(clock.instant());
        var swapped = new AtomicBoolean();
        sessions.computeIfPresent(redeemed.offerId(), (id, current) -> {
            if (current.value().version() != expectedVersion || !current.alive(clock.instant())) return current;
            swapped.set(true);
            index(redeemed);
            // Inside compute, so the token names the session exactly when the session is redeemed
            accessTokens.put(accessTokenHash.value(), new Entry<>(redeemed.offerId(), clock.instant().plus(tokenTtl)));
            return new Entry<>(redeemed, redeemed.retainUntil(retention));
        });
        return swapped.get();
    }

    @Override
    public void indexAccessToken(TokenHash accessTokenHash, OfferId offerId, Duration ttl) {
        purgeOccasionally(clock.instant());
        accessTokens.put(accessTokenHash.value(), new Entry<>(offerId.value(), clock.instant().plus(ttl)));
    }

    @Override
    public Optional<IssuanceSession> findByAccessToken(TokenHash accessTokenHash) {
        return alive(accessTokens.get(accessTokenHash.value())).flatMap(this::findById);
    }

    @Override
    public boolean markUsed(SingleUseChecker.Kind kind, String value, Duration ttl) {
        purgeOccasionally(clock.instant());
        var now = clock.instant();
        var fresh = new Entry<>(1L, now.plus(ttl));
        var key = kind.namespace() + ':' + value;
        var winner = values.compute(key, (k, current) -> current != null && current.alive(now) ? current : fresh);
        return winner == fresh;
    }

    @Override
    public long increment(AttemptCounters.Kind kind, String key, Duration ttl) {
        purgeOccasionally(clock.instant());
        var now = clock.instant();
        return values.compute(kind.namespace() + ':' + key, (k, current) -> current != null && current.alive(now)
                ? new Entry<>(current.value() + 1, current.expiresAt())
                : new Entry<>(1L, now.plus(ttl))).value();
    }

    @Override
    public String putIfAbsent(String keyHash, String value, Duration ttl) {
        return putIfAbsentEntry(NAMESPACE + ':' + keyHash, value, ttl);
    }

    @Override
    public Optional<Lease> acquire(Leases.Kind kind, String resource, Duration ttl) {
        var lease = new Lease(kind, resource, UUID.randomUUID().toString());
        return putIfAbsentEntry(kind.namespace() + ':' + resource, lease.ownerToken(), ttl) == null ? Optional.of(lease) : Optional.empty();
    }

    @Override
    public void release(Lease lease) {
        strings.computeIfPresent(lease.kind().namespace() + ':' + lease.resource(),
                (key, current) -> current.value().equals(lease.ownerToken()) ? null : current);
    }

    private String putIfAbsentEntry(String key, String value, Duration ttl) {
        purgeOccasionally(clock.instant());
        var now = clock.instant();
        var fresh = new Entry<>(value, now.plus(ttl));
        var winner = strings.compute(key, (k, current) -> current != null && current.alive(now) ? current : fresh);
        return winner == fresh ? null : winner.value();
    }

    @Override
    public List<OfferId> findDueCallbacks(Instant now, int limit) {
        return dueCallbacks.due(now, limit).stream().map(OfferId::new).toList();
    }

    @Override
    public List<OfferId> findExpiredOffers(Instant now, int limit) {
        return pendingExpiry.due(now, limit).stream().map(OfferId::new).toList();
    }

    /**
     * Drops one session as if its retention had passed and it was purged; package-private, for the contract tests
     * of what the indexes do when a session is gone (the production ports have no delete: sessions expire).
     */
    void forget(String offerId) {
        sessions.remove(offerId);
        dueCallbacks.put(offerId, null);
        pendingExpiry.put(offerId, null);
    }

    private void index(IssuanceSession session) {
        dueCallbacks.put(session.offerId(), session.outbox().nextDue().orElse(null));
        pendingExpiry.put(session.offerId(), session.awaitsExpiry() ? session.expiresAt() : null);
    }

    /** Drops every expired entry; called now and then on writes so memory stays bounded without a thread. */
    public void purgeExpired() {
        var now = clock.instant();
        sessions.entrySet().removeIf(e -> {
            if (e.getValue().alive(now)) return false;
            dueCallbacks.put(e.getKey(), null);
            pendingExpiry.put(e.getKey(), null);
            return true;
        });
        codes.values().removeIf(e -> !e.alive(now));
        accessTokens.values().removeIf(e -> !e.alive(now));
        values.values().removeIf(e -> !e.alive(now));
        strings.values().removeIf(e -> !e.alive(now));
    }

    /**
     * Every entry held, expired ones not yet purged included: what the store costs in memory, e.g. to show that a
     * refused request left nothing behind (M-2). The time indexes follow the sessions and are not counted.
     */
    public int entryCount() {
        return sessions.size() + codes.size() + accessTokens.size() + values.size() + strings.size();
    }

    /**
     * Every write may trigger a purge, at most once a minute and on one thread at a time, so entries written by
     * unauthenticated requests (DPoP jtis, say) cannot pile up while no offers are created.
     */
    private void purgeOccasionally(Instant now) {
        if (!now.isAfter(nextPurge) || !purging.compareAndSet(false, true)) return;
        try {
            nextPurge = now.plusSeconds(60);
            purgeExpired();
        } finally {
            purging.set(false);
        }
    }

    private <T> Optional<T> alive(Entry<T> entry) {
        return entry != null && entry.alive(clock.instant()) ? Optional.of(entry.value()) : Optional.empty();
    }
}
