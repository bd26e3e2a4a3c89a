package io.github.vciconnector.offer;

import java.time.Instant;

/**
 * The answer to a created offer. {@code txCode} is the generated Transaction Code, handed out exactly once
 * here (the store only keeps its keyed hash); null when none was requested, and null on an idempotent replay
 * ({@code replayed}), because nothing could give it back.
 */
public record CreatedOffer(String offerId, CredentialOfferUri credentialOfferUri, String txCode, Instant expiresAt, boolean replayed) {

    @Override
    public String toString() {
        return "CreatedOffer[offerId=" + offerId + ", expiresAt=" + expiresAt + ", replayed=" + replayed + "]";
    }
}
