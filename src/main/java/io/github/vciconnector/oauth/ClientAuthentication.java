package io.github.vciconnector.oauth;

/**
 * Client authentication at the token endpoint (HAIP §4.4.1: wallet attestation). Throws
 * {@link TokenRequestException} with {@code invalid_client} (or a more precise ABCA code) when it fails.
 */
public interface ClientAuthentication {

    void authenticate(TokenRequest request);
}
