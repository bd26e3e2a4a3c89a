package io.github.vciconnector.offer;

import java.time.Duration;
import java.util.Map;

/**
 * What the backend asks for: a configuration, the claims, an optional Transaction Code and lifetime, and the grant.
 *
 * @param txCode null when no Transaction Code is wanted
 * @param expiresIn null for the configured default
 * @param grant the grant the offer carries (DESIGN §10)
 */
public record OfferRequest(String credentialConfigurationId, Map<String, Object> claims, TxCodeRequest txCode,
                           Duration expiresIn, Grant grant) {

    public OfferRequest {
        if (grant == null) grant = Grant.PRE_AUTHORIZED_CODE;
    }

    /** A pre-authorized code offer. */
    public OfferRequest(String credentialConfigurationId, Map<String, Object> claims, TxCodeRequest txCode, Duration expiresIn) {
        this(credentialConfigurationId, claims, txCode, expiresIn, Grant.PRE_AUTHORIZED_CODE);
    }

    /** The grant of an offer: the wire names of {@code POST /offers} {@code grant}. */
    public enum Grant {
        PRE_AUTHORIZED_CODE("pre-authorized_code"), AUTHORIZATION_CODE("authorization_code");

        private final String wire;

        Grant(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The grant named {@code wire}, null for null; throws {@link OfferException} for any other name. */
        public static Grant fromWire(String wire) {
            if (wire == null) return null;
            for (Grant grant : values()) if (grant.wire.equals(wire)) return grant;
            throw new OfferException(OfferError.INVALID_GRANT, "grant", "grant must be pre-authorized_code or authorization_code");
        }
    }

    /** The Transaction Code wanted: entry mode, length and a hint for the user. */
    public record TxCodeRequest(String inputMode, Integer length, String description) {
    }
}
