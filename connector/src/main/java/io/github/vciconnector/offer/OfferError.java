package io.github.vciconnector.offer;

import java.util.Locale;

/** Why the management API refuses an offer request; the wire code is the problem type, HTTP mapping lives in web.error. */
public enum OfferError {
    UNKNOWN_CREDENTIAL_CONFIGURATION, INVALID_CLAIMS, INVALID_TX_CODE, INVALID_EXPIRES_IN, OFFER_NOT_FOUND,
    /** The offer already reached another final state (or expired), so it cannot be cancelled or shown as a QR code. */
    OFFER_ENDED,
    INVALID_IDEMPOTENCY_KEY,
    /** The Idempotency-Key was first used with a different request body. */
    IDEMPOTENCY_KEY_REUSED,
    /** The first request with this Idempotency-Key has not (or not successfully) stored its offer. */
    IDEMPOTENCY_KEY_IN_PROGRESS,
    /** {@code grant} names no grant, or one that cannot be used (authorization code flow off, with a tx_code). */
    INVALID_GRANT,
    /** No authorization with this id (DESIGN §10), or one no longer retained. */
    AUTHORIZATION_NOT_FOUND,
    /** The authorization was already completed or denied, or is not waiting for the backend. */
    AUTHORIZATION_DECIDED,
    /** The person took longer than {@code connector.authorization.lifetime}. */
    AUTHORIZATION_EXPIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
