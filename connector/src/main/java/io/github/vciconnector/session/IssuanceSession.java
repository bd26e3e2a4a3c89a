package io.github.vciconnector.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One credential offer and everything the flow learns about it, from creation to issuance. Immutable: every
 * change makes a new copy with {@code version + 1}, written with {@link OfferStore#update} (compare-and-set).
 * Claims are personal data: they are dropped ({@code null}) once the offer reaches a final state, except ISSUED,
 * which keeps them for further Credential Requests on the same token until that token expires or the wallet
 * notifies that it is done ({@link #withoutClaims()}).
 *
 * @param preAuthorizedCodeHash SHA-256 of the pre-authorized code (the code itself is never stored)
 * @param txCodeHash keyed hash of the Transaction Code, or {@code null} when none was requested
 * @param dpopJkt RFC 7638 thumbprint of the wallet's DPoP key once a token was issued
 * @param notificationId handed to the wallet with its credentials (the same in every response), for the Notification Endpoint
 * @param outbox the callback events of this offer, written with every state change they report
 */
public record IssuanceSession(
        String offerId,
        long version,
        String credentialConfigurationId,
        Map<String, Object> claims,
        String preAuthorizedCodeHash,
        TxCodeSpec txCode,
        String txCodeHash,
        OfferStatus status,
        Map<OfferStatus, Instant> history,
        Instant expiresAt,
        String dpopJkt,
        int credentialsIssued,
        String failureReason,
        String notificationId,
        CallbackOutbox outbox) {

    public IssuanceSession {
        if (offerId == null || offerId.isBlank()) throw new IllegalArgumentException("offerId is required");
        if (status == null) throw new IllegalArgumentException("status is required");
        claims = claims == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        var copy = new EnumMap<OfferStatus, Instant>(OfferStatus.class);
        if (history != null) copy.putAll(history);
        history = Collections.unmodifiableMap(copy);
        if (outbox == null) throw new IllegalArgumentException("outbox is required");
    }

    /** A fresh offer in state {@link OfferStatus#OFFER_CREATED}. */
    public static IssuanceSession created(String offerId, String credentialConfigurationId, Map<String, Object> claims,
                                          String preAuthorizedCodeHash, TxCodeSpec txCode, String txCodeHash,
                                          Instant now, Instant expiresAt, Duration callbackMaxAge) {
        return new IssuanceSession(offerId, 0, credentialConfigurationId, claims, preAuthorizedCodeHash, txCode,
                txCodeHash, OfferStatus.OFFER_CREATED, Map.of(OfferStatus.OFFER_CREATED, now), expiresAt, null, 0, null,
                null, CallbackOutbox.opened(now, callbackMaxAge));
    }

    /**
     * The offer id as the checked type the store ports take; the field stays a String so the stored JSON of a
     * session is unchanged across replicas of two versions.
     */
    public OfferId id() {
        return new OfferId(offerId);
    }

    /** The pre-authorized code hash as the key of the store's code index. */
    public TokenHash codeHash() {
        return new TokenHash(preAuthorizedCodeHash);
    }

    public Instant createdAt() {
        return history.get(OfferStatus.OFFER_CREATED);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * The session after a DPoP-bound access token was issued to the key with thumbprint {@code jkt}; it stays
     * alive at least as long as the token, so a wallet mid-flow is not expired under its feet.
     */
    public IssuanceSession tokenIssued(String jkt, Instant now, Instant tokenExpiresAt) {
        Instant newExpiry = tokenExpiresAt.isAfter(expiresAt) ? tokenExpiresAt : expiresAt;
        return next(OfferStatus.TOKEN_ISSUED, now, claims, jkt, credentialsIssued, failureReason, newExpiry, notificationId, outbox);
    }

    /**
     * The session after the first Credential Response: ISSUED with its one ISSUED callback queued. The claims stay
     * until {@code claimsUntil} (the access token's expiry), so the wallet may ask again for more copies (VCI-CRS-6).
     */
    public IssuanceSession issued(int count, Instant now, String newNotificationId, Instant claimsUntil) {
        return next(OfferStatus.ISSUED, now, claims, dpopJkt, credentialsIssued + count, failureReason, claimsUntil,
                newNotificationId, outbox.queue(OfferStatus.ISSUED, now, null));
    }

    /** The ISSUED session after one more Credential Response on the same token: counted, no second callback. */
    public IssuanceSession issuedAgain(int count) {
        if (status != OfferStatus.ISSUED) throw new IllegalStateException("offer " + offerId + " is not ISSUED");
        return new IssuanceSession(offerId, version + 1, credentialConfigurationId, claims, preAuthorizedCodeHash, txCode,
                txCodeHash, status, history, expiresAt, dpopJkt, credentialsIssued + count, failureReason, notificationId,
                outbox);
    }

    /** The session without its claims, status unchanged: no further credentials (token expired, wallet done). */
    public IssuanceSession withoutClaims() {
        return new IssuanceSession(offerId, version + 1, credentialConfigurationId, null, preAuthorizedCodeHash, txCode,
                txCodeHash, status, history, expiresAt, dpopJkt, credentialsIssued, failureReason, notificationId,
                outbox);
    }

    /** True while the session can issue (more) credentials: TOKEN_ISSUED, or ISSUED with the claims still kept. */
    public boolean issuesCredentials(Instant now) {
        return claims != null && !isExpired(now) && (status == OfferStatus.TOKEN_ISSUED || status == OfferStatus.ISSUED);
    }

    /**
     * The session in a final state other than ISSUED, claims deleted, with an optional reason. FAILED and EXPIRED
     * queue a callback; CANCELLED does not, since the backend asked for it.
     */
    public IssuanceSession ended(OfferStatus finalStatus, String reason, Instant now) {
        if (!finalStatus.isFinal() || finalStatus == OfferStatus.ISSUED)
            throw new IllegalArgumentException(finalStatus + " is not an end other than ISSUED");
        CallbackOutbox queued = finalStatus == OfferStatus.CANCELLED ? outbox : outbox.queue(finalStatus, now, reason);
        return next(finalStatus, now, null, dpopJkt, credentialsIssued, reason, expiresAt, notificationId, queued);
    }

    /** The session with its outbox changed by the webhook's delivery bookkeeping, status unchanged. */
    public IssuanceSession withOutbox(CallbackOutbox updated) {
        return new IssuanceSession(offerId, version + 1, credentialConfigurationId, claims, preAuthorizedCodeHash, txCode,
                txCodeHash, status, history, expiresAt, dpopJkt, credentialsIssued, failureReason, notificationId, updated);
    }

    /**
     * True while expiry still has something to do at {@link #expiresAt}: the offer is not in a final state (it will
     * become EXPIRED), or it is ISSUED and still keeps claims for repeat requests (they are dropped then).
     */
    public boolean awaitsExpiry() {
        return !status.isFinal() || claims != null;
    }

    /**
     * How long a store keeps this session: {@code retention} after the latest of its expiry, its last change and the
     * deadline of its callbacks, so a callback still being retried never outlives the session that carries it.
     */
    public Instant retainUntil(Duration retention) {
        Instant last = expiresAt;
        for (Instant at : history.values()) if (at.isAfter(last)) last = at;
        return outbox.lastDeadline(last).plus(retention);
    }

    private IssuanceSession next(OfferStatus newStatus, Instant now, Map<String, Object> newClaims, String jkt,
                                 int issued, String reason, Instant newExpiry, String newNotificationId, CallbackOutbox newOutbox) {
        var newHistory = new EnumMap<OfferStatus, Instant>(OfferStatus.class);
        newHistory.putAll(history);
        newHistory.put(newStatus, now);
        return new IssuanceSession(offerId, version + 1, credentialConfigurationId, newClaims, preAuthorizedCodeHash,
                txCode, txCodeHash, newStatus, newHistory, newExpiry, jkt, issued, reason, newNotificationId, newOutbox);
    }
}
