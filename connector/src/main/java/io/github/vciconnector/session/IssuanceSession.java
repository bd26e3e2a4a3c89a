package io.github.vciconnector.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param statusReferences the status list entry of each credential issued (DESIGN §9), in issuance order
 * @param credentialsValidUntil when the last credential issued stops being valid, or {@code null} before any; the
 *                              session (reduced by {@link #minimised()}) is kept until then, so it can be revoked
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
        CallbackOutbox outbox,
        List<StatusReference> statusReferences,
        Instant credentialsValidUntil) {

    public IssuanceSession {
        if (offerId == null || offerId.isBlank()) throw new IllegalArgumentException("offerId is required");
        if (status == null) throw new IllegalArgumentException("status is required");
        claims = claims == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        var copy = new EnumMap<OfferStatus, Instant>(OfferStatus.class);
        if (history != null) copy.putAll(history);
        history = Collections.unmodifiableMap(copy);
        if (outbox == null) throw new IllegalArgumentException("outbox is required");
        // Sessions stored by a version without status lists read as having no entries.
        statusReferences = statusReferences == null ? List.of() : List.copyOf(statusReferences);
    }

    /** A fresh offer in state {@link OfferStatus#OFFER_CREATED}. */
    public static IssuanceSession created(String offerId, String credentialConfigurationId, Map<String, Object> claims,
                                          String preAuthorizedCodeHash, TxCodeSpec txCode, String txCodeHash,
                                          Instant now, Instant expiresAt, Duration callbackMaxAge) {
        return new IssuanceSession(offerId, 0, credentialConfigurationId, claims, preAuthorizedCodeHash, txCode,
                txCodeHash, OfferStatus.OFFER_CREATED, Map.of(OfferStatus.OFFER_CREATED, now), expiresAt, null, 0, null,
                null, CallbackOutbox.opened(now, callbackMaxAge), List.of(), null);
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
        return next(OfferStatus.TOKEN_ISSUED, now, claims, jkt, credentialsIssued, failureReason, newExpiry, notificationId, outbox,
                statusReferences, credentialsValidUntil);
    }

    /**
     * The session after the first Credential Response: ISSUED with its one ISSUED callback queued. The claims stay
     * until {@code claimsUntil} (the access token's expiry), so the wallet may ask again for more copies (VCI-CRS-6).
     */
    public IssuanceSession issued(List<StatusReference> references, Instant validUntil, Instant now, String newNotificationId,
                                  Instant claimsUntil) {
        return next(OfferStatus.ISSUED, now, claims, dpopJkt, credentialsIssued + references.size(), failureReason, claimsUntil,
                newNotificationId, outbox.queue(OfferStatus.ISSUED, now, null), withEntries(references), later(validUntil));
    }

    /** The ISSUED session after one more Credential Response on the same token: counted, no second callback. */
    public IssuanceSession issuedAgain(List<StatusReference> references, Instant validUntil) {
        if (status != OfferStatus.ISSUED) throw new IllegalStateException("offer " + offerId + " is not ISSUED");
        return new IssuanceSession(offerId, version + 1, credentialConfigurationId, claims, preAuthorizedCodeHash, txCode,
                txCodeHash, status, history, expiresAt, dpopJkt, credentialsIssued + references.size(), failureReason, notificationId,
                outbox, withEntries(references), later(validUntil));
    }

    /** The session without its claims, status unchanged: no further credentials (token expired, wallet done). */
    public IssuanceSession withoutClaims() {
        return new IssuanceSession(offerId, version + 1, credentialConfigurationId, null, preAuthorizedCodeHash, txCode,
                txCodeHash, status, history, expiresAt, dpopJkt, credentialsIssued, failureReason, notificationId,
                outbox, statusReferences, credentialsValidUntil);
    }

    /**
     * The session as it is kept while its credentials are valid (DESIGN §9, data minimisation): no claims, and nothing
     * else that ties it to the holder or the wallet (DPoP key thumbprint, notification id, tx_code hash); what stays is
     * the offer id, configuration, status list entries, counts and timestamps. Done when the access token expired.
     */
    public IssuanceSession minimised() {
        return new IssuanceSession(offerId, version + 1, credentialConfigurationId, null, preAuthorizedCodeHash, txCode,
                null, status, history, expiresAt, null, credentialsIssued, failureReason, null,
                outbox, statusReferences, credentialsValidUntil);
    }

    /**
     * The session after {@code POST /offers/{id}/revoke}: REVOKED, claims deleted, the REVOKED callback queued in the
     * same write. Every credential's entry must already be INVALID in its list when this is stored.
     */
    public IssuanceSession revoked(Instant now) {
        if (status == OfferStatus.REVOKED) throw new IllegalStateException("offer " + offerId + " is already REVOKED");
        return next(OfferStatus.REVOKED, now, null, dpopJkt, credentialsIssued, null, expiresAt, notificationId,
                outbox.queue(OfferStatus.REVOKED, now, null), statusReferences, credentialsValidUntil);
    }

    public Instant revokedAt() {
        return history.get(OfferStatus.REVOKED);
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
        if (!finalStatus.isFinal() || finalStatus == OfferStatus.ISSUED || finalStatus == OfferStatus.REVOKED)
            throw new IllegalArgumentException(finalStatus + " is not an end other than ISSUED and REVOKED");
        CallbackOutbox queued = finalStatus == OfferStatus.CANCELLED ? outbox : outbox.queue(finalStatus, now, reason);
        return next(finalStatus, now, null, dpopJkt, credentialsIssued, reason, expiresAt, notificationId, queued,
                statusReferences, credentialsValidUntil);
    }

    /** The session with its outbox changed by the webhook's delivery bookkeeping, status unchanged. */
    public IssuanceSession withOutbox(CallbackOutbox updated) {
        return new IssuanceSession(offerId, version + 1, credentialConfigurationId, claims, preAuthorizedCodeHash, txCode,
                txCodeHash, status, history, expiresAt, dpopJkt, credentialsIssued, failureReason, notificationId, updated,
                statusReferences, credentialsValidUntil);
    }

    /**
     * True while expiry still has something to do at {@link #expiresAt}: the offer is not in a final state (it will
     * become EXPIRED), or it is ISSUED and still keeps claims for repeat requests (they are dropped then).
     */
    public boolean awaitsExpiry() {
        return !status.isFinal() || claims != null || holdsWalletData();
    }

    /** An ISSUED or REVOKED session kept for its credentials' validity that still names the wallet (not {@link #minimised()}). */
    private boolean holdsWalletData() {
        return (status == OfferStatus.ISSUED || status == OfferStatus.REVOKED)
                && (dpopJkt != null || notificationId != null || txCodeHash != null);
    }

    /**
     * How long a store keeps this session: {@code retention} after the latest of its expiry, its last change and the
     * deadline of its callbacks, so a callback still being retried never outlives the session that carries it.
     */
    public Instant retainUntil(Duration retention) {
        Instant last = expiresAt;
        for (Instant at : history.values()) if (at.isAfter(last)) last = at;
        // DESIGN §9: revocable for as long as a credential is valid
        if (credentialsValidUntil != null && credentialsValidUntil.isAfter(last)) last = credentialsValidUntil;
        return outbox.lastDeadline(last).plus(retention);
    }

    private IssuanceSession next(OfferStatus newStatus, Instant now, Map<String, Object> newClaims, String jkt,
                                 int issued, String reason, Instant newExpiry, String newNotificationId, CallbackOutbox newOutbox,
                                 List<StatusReference> references, Instant validUntil) {
        var newHistory = new EnumMap<OfferStatus, Instant>(OfferStatus.class);
        newHistory.putAll(history);
        newHistory.put(newStatus, now);
        return new IssuanceSession(offerId, version + 1, credentialConfigurationId, newClaims, preAuthorizedCodeHash,
                txCode, txCodeHash, newStatus, newHistory, newExpiry, jkt, issued, reason, newNotificationId, newOutbox,
                references, validUntil);
    }

    private List<StatusReference> withEntries(List<StatusReference> added) {
        var all = new ArrayList<StatusReference>(statusReferences.size() + added.size());
        all.addAll(statusReferences);
        all.addAll(added);
        return all;
    }

    private Instant later(Instant validUntil) {
        return credentialsValidUntil == null || validUntil.isAfter(credentialsValidUntil) ? validUntil : credentialsValidUntil;
    }
}
