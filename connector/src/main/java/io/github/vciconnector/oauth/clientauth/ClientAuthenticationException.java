package io.github.vciconnector.oauth.clientauth;

/**
 * Client authentication failed; the message names the check (short, ASCII, never a header value). The token
 * endpoint answers it as {@code invalid_client} (RFC 6749 §5.2): the wire code is decided there, so this package does
 * not depend on the token request it serves.
 */
public class ClientAuthenticationException extends RuntimeException {

    public ClientAuthenticationException(String description) {
        super(description);
    }
}
