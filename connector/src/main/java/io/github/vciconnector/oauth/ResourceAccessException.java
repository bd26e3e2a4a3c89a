package io.github.vciconnector.oauth;

/** Thrown when a request to a protected resource lacks a valid DPoP-bound access token. */
public final class ResourceAccessException extends RuntimeException {

    private final ResourceError error;

    public ResourceAccessException(ResourceError error, String description) {
        super(description);
        this.error = error;
    }

    public ResourceError error() {
        return error;
    }
}
