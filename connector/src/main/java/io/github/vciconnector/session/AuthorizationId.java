package io.github.vciconnector.session;

import java.util.Optional;

/**
 * The id of an authorization of the authorization code flow (DESIGN §10): 128 random bits as 22 base64url
 * characters, the {@code authorization_id} the backend's login page receives. It checks itself like {@link OfferId};
 * {@link #parse} is for ids that arrive from outside (a management URL, a request_uri, a code).
 *
 * @param value the 22 characters, canonical base64url without padding
 */
public record AuthorizationId(String value) {

    private static final int BYTES = 16;
    /** The length of {@link #value}. */
    public static final int LENGTH = 22;

    public AuthorizationId {
        if (!OfferId.isCanonical(value, BYTES)) throw new IllegalArgumentException("an authorization id is 22 base64url characters");
    }

    /** The id in {@code value}, or empty when it is not one (no authorization can have it). */
    public static Optional<AuthorizationId> parse(String value) {
        return OfferId.isCanonical(value, BYTES) ? Optional.of(new AuthorizationId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
