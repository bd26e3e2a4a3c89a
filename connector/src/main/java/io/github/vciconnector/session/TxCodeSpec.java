package io.github.vciconnector.session;

/**
 * The Transaction Code the wallet must send (OID4VCI 1.0 §4.1.1 {@code tx_code}): how it is entered, its length
 * and an optional hint. The code itself is never stored, only its keyed hash in {@link IssuanceSession}.
 */
public record TxCodeSpec(String inputMode, int length, String description) {
    public TxCodeSpec {
        if (!"numeric".equals(inputMode) && !"text".equals(inputMode))
            throw new IllegalArgumentException("tx_code input_mode must be numeric or text");
        if (length < 1) throw new IllegalArgumentException("tx_code length must be positive");
    }
}
