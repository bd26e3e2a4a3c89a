package io.github.vciconnector.session.memory;

import io.github.vciconnector.session.Authorization;
import io.github.vciconnector.session.AuthorizationId;
import io.github.vciconnector.session.AuthorizationStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The in-memory adapter of {@link AuthorizationStore}: one map, compare-and-set inside {@code compute}, records
 * invisible once {@link Authorization#retainUntil()} passed and dropped on later writes.
 */
public final class InMemoryAuthorizationStore implements AuthorizationStore {

    private final Clock clock;
    private final Map<String, Authorization> records = new ConcurrentHashMap<>();

    public InMemoryAuthorizationStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void create(Authorization authorization) {
        Instant now = clock.instant();
        // Unauthenticated requests write here (PAR after its checks), so dead records go on every create
        records.values().removeIf(record -> !alive(record, now));
        if (records.putIfAbsent(authorization.id(), authorization) != null) throw new IllegalStateException("authorization id collision");
    }

    @Override
    public Optional<Authorization> findById(AuthorizationId id) {
        Authorization record = records.get(id.value());
        return record != null && alive(record, clock.instant()) ? Optional.of(record) : Optional.empty();
    }

    @Override
    public boolean update(Authorization updated, long expectedVersion) {
        var swapped = new AtomicBoolean();
        records.computeIfPresent(updated.id(), (id, current) -> {
            if (current.version() != expectedVersion || !alive(current, clock.instant())) return current;
            swapped.set(true);
            return updated;
        });
        return swapped.get();
    }

    /** Records held, dead ones not yet dropped included. */
    public int size() {
        return records.size();
    }

    private static boolean alive(Authorization record, Instant now) {
        return now.isBefore(record.retainUntil());
    }
}
