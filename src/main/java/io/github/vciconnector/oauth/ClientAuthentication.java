package io.github.vciconnector.oauth;

/**
 * Client authentication at the token endpoint (HAIP §4.4.1: wallet attestation). Throws
 * {@link TokenRequestException} with {@code invalid_client} (or a more precise ABCA code) when it fails.
 */
public interface ClientAuthentication {

    /**
     * Checks the request's client authentication with reads only (M-2: nothing is stored for a request that is
     * refused). The caller consumes the returned proof once the whole request has passed its read-only checks.
     */
    SingleUseProof authenticate(TokenRequest request);
}
