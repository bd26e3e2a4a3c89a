package io.github.vciconnector.oauth;

import java.util.Locale;

/** Token and pushed authorization request errors (RFC 6749 §5.2, RFC 9126 §2.3, RFC 9449 §5, ABCA). The constant is the wire value; HTTP mapping lives in web.error. */
public enum TokenError {
    INVALID_REQUEST, INVALID_CLIENT, INVALID_GRANT, UNSUPPORTED_GRANT_TYPE, INVALID_DPOP_PROOF, USE_DPOP_NONCE,
    USE_ATTESTATION_CHALLENGE, INVALID_CLIENT_ATTESTATION,
    /** RFC 6749 §4.1.2.1, at PAR (RFC 9126 §2.3): a scope that names no credential configuration. */
    INVALID_SCOPE,
    /** RFC 9396 §5: authorization_details of an unknown type or for an unknown configuration. */
    INVALID_AUTHORIZATION_DETAILS,
    /** RFC 6749 §4.1.2.1: a response_type other than code. */
    UNSUPPORTED_RESPONSE_TYPE,
    /** RFC 9101 §7 (used by RFC 9126 §4): a request_uri unknown, expired or already used. */
    INVALID_REQUEST_URI;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
