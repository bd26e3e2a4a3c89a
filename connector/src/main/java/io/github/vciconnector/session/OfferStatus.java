package io.github.vciconnector.session;

/** Where an offer is in its life; the names are those of the management API and the callbacks. */
public enum OfferStatus {
    OFFER_CREATED, TOKEN_ISSUED, ISSUED, FAILED, EXPIRED, CANCELLED;

    /** True once nothing more can happen to the offer. */
    public boolean isFinal() {
        return this == ISSUED || this == FAILED || this == EXPIRED || this == CANCELLED;
    }
}
