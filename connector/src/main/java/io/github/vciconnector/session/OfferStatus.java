package io.github.vciconnector.session;

/**
 * Where an offer is in its life; the names are those of the management API and the callbacks. REVOKED (DESIGN §9)
 * follows ISSUED when the backend revokes the credentials, or ends an offer not yet issued, like a cancel.
 */
public enum OfferStatus {
    OFFER_CREATED, TOKEN_ISSUED, ISSUED, FAILED, EXPIRED, CANCELLED, REVOKED;

    /** True once nothing more can happen to the offer but a revocation (of ISSUED ones). */
    public boolean isFinal() {
        return this == ISSUED || this == FAILED || this == EXPIRED || this == CANCELLED || this == REVOKED;
    }
}
