package io.github.vciconnector.oauth.dpop;

import java.util.Locale;

/**
 * DPoP failures (RFC 9449 §5, §7.1, §8, §9). The constant is the wire value; whether it becomes a 400 at the token
 * endpoint or a 401 with {@code WWW-Authenticate} at a protected resource is decided by the caller.
 */
public enum DPoPError {
    INVALID_DPOP_PROOF, USE_DPOP_NONCE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
