package io.github.vciconnector.oauth;

import com.nimbusds.jose.jwk.JWK;
import io.github.vciconnector.session.IssuanceSession;

/**
 * A wallet that presented a valid DPoP-bound access token and a matching proof. Only the resource-side token
 * check creates it, so issuing a credential without authorisation does not compile.
 *
 * @param accessTokenHash SHA-256 of the presented token, the key for once-per-token rules
 */
public record AuthorizedWallet(IssuanceSession session, String accessTokenHash, JWK dpopKey) {
}
