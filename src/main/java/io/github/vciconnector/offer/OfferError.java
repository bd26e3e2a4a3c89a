package io.github.vciconnector.offer;

/** Why the management API refuses an offer request; HTTP mapping lives in web.error. */
public enum OfferError {
    UNKNOWN_CREDENTIAL_CONFIGURATION, INVALID_CLAIMS, INVALID_TX_CODE, INVALID_EXPIRES_IN, OFFER_NOT_FOUND;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
