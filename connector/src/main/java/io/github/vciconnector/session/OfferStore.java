package io.github.vciconnector.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The offers port: issuance sessions with compare-and-set, their pre-authorized-code and access-token indexes and
 * the due-callback and expired-offer indexes. Used by {@code offer} (which owns it), {@code oauth}, {@code issuance}
 * and {@code webhook}. Implementations must be safe across instances: every method that says "atomic" holds even
 * when several replicas call it at once.
 *
 * <p>Every port of the store ({@link OfferStore}, {@link SingleUseChecker}, {@link AttemptCounters}, {@link Leases},
 * {@link IdempotencyKeys}) lives in this API package, not in the feature that uses it: the adapters
 * ({@code session.memory}, {@code session.redis}) implement them all, and a port inside a feature package would
 * make the adapters depend on that feature, which already depends on {@code session} (a cycle). The rule: features
 * import {@code session} only, never an adapter package; each port names the feature that uses it.
 *
 * <p>Ids and index keys are {@link OfferId} and {@link TokenHash}, which check themselves, so a raw token, a
 * truncated hash or a wallet's input cannot reach an index by mistake. {@link IssuanceSession} keeps them as
 * Strings, since its stored JSON must stay the same for replicas of two versions during a rolling upgrade.
 */
public interface OfferStore {

    /** Stores a new session and indexes its pre-authorized code; TTL = session lifetime. */
    void create(IssuanceSession session);

    Optional<IssuanceSession> findById(OfferId offerId);

    /** Looks a session up by the hash of its pre-authorized code without consuming the code. */
    Optional<IssuanceSession> findByPreAuthorizedCode(TokenHash codeHash);

    /**
     * Atomically removes the pre-authorized code index entry; true for exactly one caller per code. The session
     * itself stays until it is updated or expires. Since the token grant is {@link #redeem}, this only tidies up
     * after a session left OFFER_CREATED (redeemed, locked, cancelled, expired): the session's status, not this
     * entry, is what makes the code single-use.
     */
    boolean redeemPreAuthorizedCode(TokenHash codeHash);

    /**
     * The token grant as one atomic store step (VCI-OFF-4; issue 15, no burnt codes): replaces the session by
     * {@code redeemed} (its TOKEN_ISSUED version) if its version is still {@code expectedVersion}, and from then on
     * {@code accessTokenHash} names it for {@code tokenTtl}. Either both hold, or the session is unchanged and the
     * code can still be redeemed: a store failure never leaves a redeemed code without a working token. An index
     * entry of a grant that lost or failed may stay behind until its TTL, naming a token nobody was given.
     *
     * @return false when the version moved on (another writer got there first): nothing was granted
     */
    boolean redeem(IssuanceSession redeemed, long expectedVersion, TokenHash accessTokenHash, Duration tokenTtl);

    /**
     * {@link #redeem} with compare-and-set retries, as {@link #transition}: {@code change} gets the current session
     * and returns its redeemed version, or empty when it can no longer be redeemed. Returns the session as written.
     *
     * @throws SessionStoreUnavailableException when 16 attempts in a row lost the race: nothing was granted
     */
    default Optional<IssuanceSession> redeem(OfferId offerId, Function<IssuanceSession, Optional<IssuanceSession>> change,
                                             TokenHash accessTokenHash, Duration tokenTtl) {
        for (int attempt = 0; attempt < 16; attempt++) {
            Optional<IssuanceSession> current = findById(offerId);
            if (current.isEmpty()) return Optional.empty();
            Optional<IssuanceSession> next = change.apply(current.get());
            if (next.isEmpty()) return Optional.empty();
            if (redeem(next.get(), current.get().version(), accessTokenHash, tokenTtl)) return next;
        }
        throw new SessionStoreUnavailableException("offer " + offerId + " is being updated by too many writers at once", null);
    }

    /** Replaces a session if its version still equals {@code expectedVersion} (compare-and-set). */
    boolean update(IssuanceSession updated, long expectedVersion);

    /**
     * Applies {@code change} to the current session with compare-and-set, reading again when another writer (a
     * callback bookkeeping write, say) got there first. {@code change} returns empty to give up, e.g. when the
     * session is no longer in the state the transition starts from. Returns the session as written, or empty.
     *
     * @throws SessionStoreUnavailableException when 16 attempts in a row lost the race: nothing was written
     */
    default Optional<IssuanceSession> transition(OfferId offerId, Function<IssuanceSession, Optional<IssuanceSession>> change) {
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
    void indexAccessToken(TokenHash accessTokenHash, OfferId offerId, Duration ttl);

    Optional<IssuanceSession> findByAccessToken(TokenHash accessTokenHash);

    /**
     * Offers with a callback due at or before {@code now}, earliest first. The store keeps this index itself from
     * the session's {@link CallbackOutbox#nextDue()} on every create and update.
     */
    List<OfferId> findDueCallbacks(Instant now, int limit);

    /** Offers not yet in a final state whose {@code expiresAt} is at or before {@code now}, earliest first. */
    List<OfferId> findExpiredOffers(Instant now, int limit);
}
