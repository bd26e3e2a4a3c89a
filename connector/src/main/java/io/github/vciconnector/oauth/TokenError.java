package io.github.vciconnector.oauth;

import java.util.Locale;

/** Token endpoint errors (RFC 6749 §5.2, RFC 9449 §5, ABCA). The constant is the wire value; HTTP mapping lives in web.error. */
public enum TokenError {
    INVALID_REQUEST, INVALID_CLIENT, INVALID_GRANT, UNSUPPORTED_GRANT_TYPE, INVALID_DPOP_PROOF, USE_DPOP_NONCE,
    USE_ATTESTATION_CHALLENGE, INVALID_CLIENT_ATTESTATION;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
