package io.github.vciconnector.oauth;

import io.github.vciconnector.session.IssuanceSession;

/**
 * A wallet that presented a valid DPoP-bound access token and a matching proof, as {@link AccessTokenVerifier}
 * establishes it. The issuance and notification services take it as their first argument, so they are only ever
 * called with a checked token in hand.
 *
 * @param accessTokenIndex the store key of the presented token ({@link AccessTokenIndex})
 */
public record AuthorizedWallet(IssuanceSession session, String accessTokenIndex) {
}
