package io.github.vciconnector.oauth;

import java.util.Locale;

/** Errors of protected resources (RFC 6750 §3, RFC 9449 §7); sent as 401/403 with a WWW-Authenticate DPoP challenge. */
public enum ResourceError {
    INVALID_TOKEN, INSUFFICIENT_SCOPE, INVALID_DPOP_PROOF, USE_DPOP_NONCE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
