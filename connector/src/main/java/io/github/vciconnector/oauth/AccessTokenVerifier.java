package io.github.vciconnector.oauth;

import io.github.vciconnector.oauth.dpop.DPoPError;
import io.github.vciconnector.oauth.dpop.DPoPProof;
import io.github.vciconnector.oauth.dpop.DPoPProofException;
import io.github.vciconnector.oauth.dpop.DPoPProofVerifier;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.session.TokenHash;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resource-side check of a DPoP-bound access token (RFC 9449 §7): {@code Authorization: DPoP <token>}, a proof
 * with {@code ath} for this request, signed by the key the token is bound to. Produces {@link AuthorizedWallet}.
 */
public class AccessTokenVerifier {

    /** RFC 6750 §2.1 b64token / RFC 7235 token68 characters. */
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/=-]+");

    private final OfferStore store;
    private final DPoPProofVerifier dpop;
    private final AccessTokenIndex accessTokens;
    private final Duration accessTokenLifetime;

    /** @param accessTokenLifetime as {@link PreAuthorizedCodeGrant} grants tokens ({@link TokenProperties}) */
    public AccessTokenVerifier(OfferStore store, DPoPProofVerifier dpop, AccessTokenIndex accessTokens, Duration accessTokenLifetime) {
        this.store = store;
        this.dpop = dpop;
        this.accessTokens = accessTokens;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    /** Throws {@link ResourceAccessException} with the RFC 6750 / RFC 9449 error code. */
    public AuthorizedWallet authorize(String authorization, List<String> dpopHeaders, String method, URI uri) {
        String token = dpopToken(authorization);
        TokenHash tokenIndex = null;
        IssuanceSession session = null;
        for (TokenHash candidate : accessTokens.candidates(token)) {
            var found = store.findByAccessToken(candidate);
            if (found.isPresent()) {
                tokenIndex = candidate;
                session = found.get();
                break;
            }
        }
        // A session without its token grant time (damaged data) cannot tell when the token expires: not a live token
        if (session == null || session.history().get(OfferStatus.TOKEN_ISSUED) == null) {
            throw new ResourceAccessException(ResourceError.INVALID_TOKEN, "access token is invalid or expired");
        }
        try {
            DPoPProof proof = dpop.check(dpopHeaders, method, uri, token);
            DPoPProofVerifier.requireBoundTo(proof, session.dpopJkt());
            // M-2: the jti is written only for a live token and a proof by the key it is bound to
            dpop.consume(proof);
            return new AuthorizedWallet(session, tokenIndex.value(),
                    session.history().get(OfferStatus.TOKEN_ISSUED).plus(accessTokenLifetime));
        } catch (DPoPProofException e) {
            throw new ResourceAccessException(e.error() == DPoPError.USE_DPOP_NONCE
                    ? ResourceError.USE_DPOP_NONCE : ResourceError.INVALID_DPOP_PROOF, e.getMessage());
        }
    }

    private static String dpopToken(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new ResourceAccessException(ResourceError.INVALID_TOKEN, "DPoP access token required");
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        // DPOP-7: a DPoP-bound token presented as Bearer is refused.
        if (!"dpop".equals(scheme.toLowerCase(Locale.ROOT)) || space < 0) {
            throw new ResourceAccessException(ResourceError.INVALID_TOKEN, "authorization scheme must be DPoP");
        }
        String token = authorization.substring(space + 1).trim();
        if (token.isEmpty() || token.length() > 512 || !TOKEN68.matcher(token).matches()) {
            throw new ResourceAccessException(ResourceError.INVALID_TOKEN, "access token is malformed");
        }
        return token;
    }
}
