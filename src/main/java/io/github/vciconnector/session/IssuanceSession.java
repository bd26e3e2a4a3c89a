package io.github.vciconnector.session;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One credential offer and everything the flow learns about it, from creation to issuance. Immutable: every
 * change makes a new copy with {@code version + 1}, written with {@link SessionStore#update} (compare-and-set).
 * Claims are personal data: they are dropped ({@code null}) once the offer reaches a final state.
 *
 * @param preAuthorizedCodeHash SHA-256 of the pre-authorized code (the code itself is never stored)
 * @param txCodeHash keyed hash of the Transaction Code, or {@code null} when none was requested
 * @param dpopJkt RFC 7638 thumbprint of the wallet's DPoP key once a token was issued
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
        String failureReason) {

    public IssuanceSession {
        if (offerId == null || offerId.isBlank()) throw new IllegalArgumentException("offerId is required");
        if (status == null) throw new IllegalArgumentException("status is required");
        claims = claims == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        var copy = new EnumMap<OfferStatus, Instant>(OfferStatus.class);
        if (history != null) copy.putAll(history);
        history = Collections.unmodifiableMap(copy);
    }

    /** A fresh offer in state {@link OfferStatus#OFFER_CREATED}. */
    public static IssuanceSession created(String offerId, String credentialConfigurationId, Map<String, Object> claims,
                                          String preAuthorizedCodeHash, TxCodeSpec txCode, String txCodeHash,
                                          Instant now, Instant expiresAt) {
        return new IssuanceSession(offerId, 0, credentialConfigurationId, claims, preAuthorizedCodeHash, txCode,
                txCodeHash, OfferStatus.OFFER_CREATED, Map.of(OfferStatus.OFFER_CREATED, now), expiresAt, null, 0, null);
    }

    public Instant createdAt() {
        return history.get(OfferStatus.OFFER_CREATED);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The session after a DPoP-bound access token was issued to the key with thumbprint {@code jkt}. */
    public IssuanceSession tokenIssued(String jkt, Instant now) {
        return next(OfferStatus.TOKEN_ISSUED, now, claims, jkt, credentialsIssued, failureReason);
    }

    /** The session after {@code count} credentials were issued; claims are deleted. */
    public IssuanceSession issued(int count, Instant now) {
        return next(OfferStatus.ISSUED, now, null, dpopJkt, credentialsIssued + count, failureReason);
    }

    /** The session in a final state other than ISSUED, claims deleted, with an optional reason. */
    public IssuanceSession ended(OfferStatus finalStatus, String reason, Instant now) {
        if (!finalStatus.isFinal() || finalStatus == OfferStatus.ISSUED)
            throw new IllegalArgumentException(finalStatus + " is not an end other than ISSUED");
        return next(finalStatus, now, null, dpopJkt, credentialsIssued, reason);
    }

    private IssuanceSession next(OfferStatus newStatus, Instant now, Map<String, Object> newClaims, String jkt,
                                 int issued, String reason) {
        var newHistory = new EnumMap<OfferStatus, Instant>(OfferStatus.class);
        newHistory.putAll(history);
        newHistory.put(newStatus, now);
        return new IssuanceSession(offerId, version + 1, credentialConfigurationId, newClaims, preAuthorizedCodeHash,
                txCode, txCodeHash, newStatus, newHistory, expiresAt, jkt, issued, reason);
    }
}
