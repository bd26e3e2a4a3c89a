package io.github.vciconnector.oauth;

/** Thrown when a Token Request must be refused; the message becomes error_description. */
public final class TokenRequestException extends RuntimeException {

    private final TokenError error;

    public TokenRequestException(TokenError error, String description) {
        super(description);
        this.error = error;
    }

    public TokenRequestException(TokenError error, String description, Throwable cause) {
        super(description, cause);
        this.error = error;
    }

    public TokenError error() {
        return error;
    }
}
