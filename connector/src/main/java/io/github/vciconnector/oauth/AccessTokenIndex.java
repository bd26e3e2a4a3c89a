package io.github.vciconnector.oauth;

import io.github.vciconnector.session.ServerKey;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.TokenHash;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The store key of an access token: an HMAC under a key derived from the master secret, not a plain hash. With a
 * plain hash, anyone able to write to the store could plant {@code hash(T)} for a token T of their own choosing next
 * to a pending session and spend it; a keyed index can only be computed by the replicas (issue 17 H-1).
 */
public final class AccessTokenIndex {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final ServerKey key;

    public AccessTokenIndex(ServerSecrets secrets) {
        this.key = secrets.hmacKey("access-token-index");
    }

    /** The index of a token issued now (current master secret). */
    public TokenHash indexOf(String accessToken) {
        return new TokenHash(B64.encodeToString(key.mac(bytes(accessToken))));
    }

    /** Every index the token may be stored under: current master secret first, then the previous one in a rotation. */
    public List<TokenHash> candidates(String accessToken) {
        return key.accepted(bytes(accessToken)).stream().map(B64::encodeToString).map(TokenHash::new).toList();
    }

    private static byte[] bytes(String accessToken) {
        return accessToken.getBytes(StandardCharsets.US_ASCII);
    }
}
