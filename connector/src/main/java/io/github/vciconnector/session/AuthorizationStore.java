package io.github.vciconnector.session;

import java.util.Optional;
import java.util.function.Function;

/**
 * The authorizations port of the authorization code flow (DESIGN §10): one record per authorization, written with
 * compare-and-set, so every single-use step (request_uri, the backend's decision, the code) holds across replicas.
 * Used by {@code oauth} (PAR, the authorization endpoint, the code grant) and {@code offer} (the backend's
 * decision). Records are kept until {@link Authorization#retainUntil()}; in Redis each is one key, so every script
 * touches one slot.
 */
public interface AuthorizationStore {

    /** Stores a new record; throws {@link IllegalStateException} on an id collision. */
    void create(Authorization authorization);

    /** The record while it is retained, expired steps included (the caller checks {@link Authorization#isExpired}). */
    Optional<Authorization> findById(AuthorizationId id);

    /** Replaces the record if its version still equals {@code expectedVersion} (compare-and-set). */
    boolean update(Authorization updated, long expectedVersion);

    /**
     * Applies {@code change} with compare-and-set, reading again when another writer got there first; {@code change}
     * returns empty to give up. Returns the record as written, or empty.
     *
     * @throws SessionStoreUnavailableException when 16 attempts in a row lost the race: nothing was written
     */
    default Optional<Authorization> transition(AuthorizationId id, Function<Authorization, Optional<Authorization>> change) {
        for (int attempt = 0; attempt < 16; attempt++) {
            Optional<Authorization> current = findById(id);
            if (current.isEmpty()) return Optional.empty();
            Optional<Authorization> next = change.apply(current.get());
            if (next.isEmpty()) return Optional.empty();
            if (update(next.get(), current.get().version())) return next;
        }
        throw new SessionStoreUnavailableException("authorization " + id + " is being updated by too many writers at once", null);
    }
}
