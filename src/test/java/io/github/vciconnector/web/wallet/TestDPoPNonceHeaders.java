package io.github.vciconnector.web.wallet;

import io.github.vciconnector.oauth.dpop.DPoPNonces;

/** Builds the one {@code DPoP-Nonce} writer over real nonces, for unit tests of other web packages (its constructor is package-private). */
public final class TestDPoPNonceHeaders {

    private TestDPoPNonceHeaders() {
    }

    public static DPoPNonceHeader over(DPoPNonces nonces) {
        return new DPoPNonceHeader(nonces);
    }
}
