package io.github.vciconnector.oauth;

import io.github.vciconnector.session.IssuanceSession;

import java.time.Instant;

/**
 * A wallet that presented a valid DPoP-bound access token and a matching proof, as {@link AccessTokenVerifier}
 * establishes it. The issuance and notification services take it as their first argument, and only this package
 * can make one (the constructor is not public, so it is not a record), so issuing without authorisation does not
 * compile (STYLE §2).
 */
public final class AuthorizedWallet {

    private final IssuanceSession session;
    private final String accessTokenIndex;
    private final Instant accessTokenExpiresAt;

    AuthorizedWallet(IssuanceSession session, String accessTokenIndex, Instant accessTokenExpiresAt) {
        this.session = session;
        this.accessTokenIndex = accessTokenIndex;
        this.accessTokenExpiresAt = accessTokenExpiresAt;
    }

    /** The offer's session as the token lookup read it. */
    public IssuanceSession session() {
        return session;
    }

    /** The store key of the presented token ({@link AccessTokenIndex}). */
    public String accessTokenIndex() {
        return accessTokenIndex;
    }

    /**
     * When the presented access token expires: its grant time plus the token lifetime, both the token endpoint's
     * business, so issuance need not read the token settings to know how long the claims may stay.
     */
    public Instant accessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    @Override
    public String toString() {
        return "AuthorizedWallet[offerId=" + session.offerId() + "]";
    }
}
