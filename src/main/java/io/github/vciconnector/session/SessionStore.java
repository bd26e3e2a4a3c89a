package io.github.vciconnector.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Issuance state shared by offer, token and credential requests. Implementations must be safe across
 * instances: every method that says "atomic" holds even when several replicas call it at once.
 */
public interface SessionStore {

    /** Stores a new session and indexes its pre-authorized code; TTL = session lifetime. */
    void create(IssuanceSession session);

    Optional<IssuanceSession> findById(String offerId);

    /** Looks a session up by the hash of its pre-authorized code without consuming the code. */
    Optional<IssuanceSession> findByPreAuthorizedCode(String codeHash);

    /**
     * Atomically removes the pre-authorized code index entry; true for exactly one caller per code.
     * The session itself stays until it is updated or expires.
     */
    boolean redeemPreAuthorizedCode(String codeHash);

    /** Replaces a session if its version still equals {@code expectedVersion} (compare-and-set). */
    boolean update(IssuanceSession updated, long expectedVersion);

    /**
     * Applies {@code change} to the current session with compare-and-set, reading again when another writer (a
     * callback bookkeeping write, say) got there first. {@code change} returns empty to give up, e.g. when the
     * session is no longer in the state the transition starts from. Returns the session as written, or empty.
     *
     * @throws SessionStoreUnavailableException when 16 attempts in a row lost the race: nothing was written
     */
    default Optional<IssuanceSession> transition(String offerId, Function<IssuanceSession, Optional<IssuanceSession>> change) {
        for (int attempt = 0; attempt < 16; attempt++) {
            Optional<IssuanceSession> current = findById(offerId);
            if (current.isEmpty()) return Optional.empty();
            Optional<IssuanceSession> next = change.apply(current.get());
            if (next.isEmpty()) return Optional.empty();
            if (update(next.get(), current.get().version())) return next;
        }
        // Nothing was written: the caller answers 503 with Retry-After (a flood of parallel requests on one offer,
        // e.g. one token's Credential Requests, must not become a 500).
        throw new SessionStoreUnavailableException("offer " + offerId + " is being updated by too many writers at once", null);
    }

    /** Indexes an access token hash to its session for {@code ttl}. */
    void indexAccessToken(String accessTokenHash, String offerId, Duration ttl);

    Optional<IssuanceSession> findByAccessToken(String accessTokenHash);

    /** Atomic: true the first time {@code value} is seen in {@code namespace} within {@code ttl}. */
    boolean markUsed(String namespace, String value, Duration ttl);

    /** Remembers a value (a c_nonce, say) for {@code ttl} so it can be consumed once. */
    void remember(String namespace, String value, Duration ttl);

    /** Atomic: true for exactly one caller if the remembered value exists and has not expired. */
    boolean consume(String namespace, String value);

    /** Atomic counter with a TTL set on first increment; returns the new value. */
    long increment(String namespace, String key, Duration ttl);

    /** Atomic: stores {@code value} for {@code ttl} unless the key exists; returns the existing value, or null if stored. */
    String putIfAbsent(String namespace, String key, String value, Duration ttl);

    void delete(String offerId);

    /**
     * Offers with a callback due at or before {@code now}, earliest first. The store keeps this index itself from
     * {@link IssuanceSession#nextCallbackDue()} on every create and update.
     */
    List<String> findDueCallbacks(Instant now, int limit);

    /** Offers not yet in a final state whose {@code expiresAt} is at or before {@code now}, earliest first. */
    List<String> findExpiredOffers(Instant now, int limit);
}
