package io.github.vciconnector.status;

import io.github.vciconnector.session.StatusListStore;
import io.github.vciconnector.session.StatusListStore.StoredStatusList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Status List Tokens this replica serves, rendered once per change and never per request. A request finds the
 * rendered token; when its list's version was last checked more than {@code publishDelay} ago, one request checks
 * the stored version (one small read) and renders again only when it moved, while concurrent requests keep getting
 * the current token. So a revocation on any replica is served here within the publish delay (DESIGN §9).
 */
public final class StatusListPublisher {

    /** Unknown ids are remembered for one delay, so a flood of made-up ids costs the store one read per id and delay. */
    private static final int MAX_UNKNOWN = 10_000;
    private static final int STRIPES = 64;

    private record Rendered(StatusListToken token, long checkedAtNanos) {
    }

    private final StatusListStore store;
    private final StatusListTokenIssuer issuer;
    private final Clock clock;
    private final long delayNanos;
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
    private final Map<String, Long> unknown = new ConcurrentHashMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public StatusListPublisher(StatusListStore store, StatusListTokenIssuer issuer, Clock clock, Duration publishDelay) {
        this.store = store;
        this.issuer = issuer;
        this.clock = clock;
        this.delayNanos = publishDelay.toNanos();
        for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
    }

    /** The token of a list, or empty when there is no such list (also for ids no list can have). */
    public Optional<StatusListToken> find(String listId) {
        if (!StatusListStore.isListId(listId)) return Optional.empty();
        long now = System.nanoTime();
        Rendered current = rendered.get(listId);
        if (current != null && now - current.checkedAtNanos() < delayNanos && !current.token().stale(clock.instant())) {
            return Optional.of(current.token());
        }
        if (current == null) {
            Long missedAt = unknown.get(listId);
            if (missedAt != null && now - missedAt < delayNanos) return Optional.empty();
        }
        ReentrantLock lock = locks[Math.floorMod(listId.hashCode(), STRIPES)];
        // Someone else is checking: serve what we have rather than queue behind a store round trip.
        if (current != null && !lock.tryLock()) return Optional.of(current.token());
        if (current == null) lock.lock();
        try {
            return refresh(listId, rendered.get(listId));
        } finally {
            lock.unlock();
        }
    }

    /** A change made on this replica: the next request checks at once instead of waiting out the delay. */
    public void changed(String listId) {
        rendered.computeIfPresent(listId, (id, r) -> new Rendered(r.token(), System.nanoTime() - delayNanos));
    }

    private Optional<StatusListToken> refresh(String listId, Rendered current) {
        long now = System.nanoTime();
        if (current != null && now - current.checkedAtNanos() < delayNanos && !current.token().stale(clock.instant())) {
            return Optional.of(current.token()); // refreshed by the thread we waited for
        }
        Instant instant = clock.instant();
        if (current != null && !current.token().stale(instant)) {
            OptionalLong version = store.version(listId);
            if (version.isPresent() && version.getAsLong() == current.token().version()) {
                rendered.put(listId, new Rendered(current.token(), now));
                return Optional.of(current.token());
            }
        }
        Optional<StoredStatusList> stored = store.read(listId);
        if (stored.isEmpty()) {
            rendered.remove(listId);
            if (unknown.size() >= MAX_UNKNOWN) unknown.clear();
            unknown.put(listId, now);
            return Optional.empty();
        }
        unknown.remove(listId);
        StatusListToken token = issuer.render(stored.get(), instant);
        rendered.put(listId, new Rendered(token, now));
        return Optional.of(token);
    }
}
