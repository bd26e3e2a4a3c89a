package io.github.vciconnector.session;

/**
 * Wrong Transaction Codes tolerated before an offer is locked (VCI-TOK-4). The setting is the offer feature's
 * ({@code connector.offers.tx-code-max-attempts}, read once by {@code OfferProperties}); the offer configuration hands
 * it to the token endpoint's grant as this value, so {@code oauth} does not import {@code offer} for one number.
 */
public record TxCodeAttemptLimit(int value) {

    public TxCodeAttemptLimit {
        if (value < 1) throw new IllegalArgumentException("the tx_code attempt limit must be at least 1");
    }
}
