package io.github.vciconnector.web.wallet;

import io.github.vciconnector.oauth.dpop.DPoPNonces;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one place a wallet response gets a {@code DPoP-Nonce} header (RFC 9449 §8, DPOP-10): the token, nonce and
 * credential responses, and the {@code use_dpop_nonce} errors of the token endpoint and the resources. Getting the
 * nonce may throw {@code SessionStoreUnavailableException} (its key comes from the store).
 */
@Component
public final class DPoPNonceHeader {

    public static final String NAME = "DPoP-Nonce";

    private final DPoPNonces nonces;

    DPoPNonceHeader(DPoPNonces nonces) {
        this.nonces = nonces;
    }

    /** {@code response} with the current server nonce. */
    public <B extends ResponseEntity.HeadersBuilder<B>> B attachTo(B response) {
        return response.header(NAME, nonces.current());
    }
}
