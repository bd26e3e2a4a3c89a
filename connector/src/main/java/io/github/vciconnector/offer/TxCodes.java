package io.github.vciconnector.offer;

import io.github.vciconnector.session.TxCodeSpec;

import java.security.SecureRandom;

/**
 * Transaction Codes (OID4VCI 1.0 §4.1.1 {@code tx_code}): checks what the backend asks for and draws the code from
 * {@link SecureRandom}. The code leaves only in the {@code POST /offers} answer; the store keeps its keyed hash.
 */
final class TxCodes {

    static final String NUMERIC = "0123456789";
    static final String TEXT = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I: read aloud or typed from SMS
    static final int MIN_LENGTH = 4;
    static final int MAX_LENGTH = 12;
    static final int DEFAULT_LENGTH = 6;
    static final int MAX_DESCRIPTION = 300; // OID4VCI §4.1.1: description at most 300 characters

    private TxCodes() {
    }

    /** The wanted code, defaults applied ({@code numeric}, 6 digits); null when none was asked for. */
    static TxCodeSpec spec(OfferRequest.TxCodeRequest request) {
        if (request == null) return null;
        String inputMode = request.inputMode() == null ? "numeric" : request.inputMode();
        if (!"numeric".equals(inputMode) && !"text".equals(inputMode)) {
            throw new OfferException(OfferError.INVALID_TX_CODE, "tx_code.input_mode", "input_mode must be numeric or text");
        }
        int length = request.length() == null ? DEFAULT_LENGTH : request.length();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new OfferException(OfferError.INVALID_TX_CODE, "tx_code.length",
                    "length must be between " + MIN_LENGTH + " and " + MAX_LENGTH);
        }
        String description = request.description();
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            throw new OfferException(OfferError.INVALID_TX_CODE, "tx_code.description",
                    "description must be at most " + MAX_DESCRIPTION + " characters");
        }
        return new TxCodeSpec(inputMode, length, request.description());
    }

    static String generate(TxCodeSpec spec, SecureRandom random) {
        String alphabet = "numeric".equals(spec.inputMode()) ? NUMERIC : TEXT;
        var code = new StringBuilder(spec.length());
        for (int i = 0; i < spec.length(); i++) code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return code.toString();
    }
}
