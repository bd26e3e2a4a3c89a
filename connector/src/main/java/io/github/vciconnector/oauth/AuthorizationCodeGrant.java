package io.github.vciconnector.oauth;

import io.github.vciconnector.config.AuthorizationProperties;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.jose.Sha256;
import io.github.vciconnector.keys.Digests;
import io.github.vciconnector.oauth.clientauth.ClientAuthentication;
import io.github.vciconnector.oauth.clientauth.SingleUseProof;
import io.github.vciconnector.oauth.dpop.DPoPProof;
import io.github.vciconnector.oauth.dpop.DPoPProofVerifier;
import io.github.vciconnector.session.Authorization;
import io.github.vciconnector.session.AuthorizationId;
import io.github.vciconnector.session.AuthorizationStatus;
import io.github.vciconnector.session.AuthorizationStore;
import io.github.vciconnector.session.OfferEnded;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.session.TokenHash;
import org.springframework.context.ApplicationEventPublisher;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Token Endpoint logic for the authorization code grant (RFC 6749 §4.1.3, OID4VCI §6, checklist Q.1): the code
 * of a completed authorization, its PKCE verifier (S256), the redirect URI registered at PAR, the wallet attestation
 * of the same client and a DPoP proof by the key the code is bound to. The code is redeemed once (compare-and-set on
 * the offer, then on the authorization);
 * a second use is refused and ends what the first produced (RFC 6749 §4.1.2). The access token is the same kind the
 * pre-authorized grant issues, indexed to the offer, so the credential endpoint serves both grants alike.
 */
public class AuthorizationCodeGrant {

    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern CODE_VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final String REUSED = "authorization code was already used; the access token it produced is revoked";

    private final AuthorizationStore authorizations;
    private final OfferStore offers;
    private final OfferSecrets secrets;
    private final DPoPProofVerifier dpop;
    private final ClientAuthentication clientAuthentication;
    private final AccessTokenIndex accessTokens;
    private final RandomTokens tokens;
    private final TokenProperties tokenProperties;
    private final AuthorizationProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final URI tokenEndpoint;

    public AuthorizationCodeGrant(AuthorizationStore authorizations, OfferStore offers, OfferSecrets secrets,
                                  DPoPProofVerifier dpop, ClientAuthentication clientAuthentication,
                                  AccessTokenIndex accessTokens, RandomTokens tokens, TokenProperties tokenProperties,
                                  AuthorizationProperties properties, ConnectorProperties connector, Clock clock,
                                  ApplicationEventPublisher events) {
        this.authorizations = authorizations;
        this.offers = offers;
        this.secrets = secrets;
        this.dpop = dpop;
        this.clientAuthentication = clientAuthentication;
        this.accessTokens = accessTokens;
        this.tokens = tokens;
        this.tokenProperties = tokenProperties;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.tokenEndpoint = connector.endpoint(WalletProtocol.TOKEN_PATH);
    }

    /** Exchanges an authorization code; throws {@link TokenRequestException} with the RFC 6749 / RFC 7636 / RFC 9449 code. */
    public TokenResponse exchange(TokenRequest request) {
        if (!properties.enabled()) throw new TokenRequestException(TokenError.UNSUPPORTED_GRANT_TYPE, "the authorization code grant is not enabled");
        String code = required(request, "code");
        String redirectUri = required(request, "redirect_uri");
        String verifier = required(request, "code_verifier");
        String clientId = required(request, "client_id");
        if (!CODE_VERIFIER.matcher(verifier).matches()) {
            throw new TokenRequestException(TokenError.INVALID_REQUEST, "code_verifier must be 43 to 128 unreserved characters");
        }
        // M-2: reads only until the request has proven all it can; then the single-use writes
        DPoPProof proof = RequestProofs.checkDPoP(dpop, request.dpop(), tokenEndpoint);
        SingleUseProof attestation = RequestProofs.authenticate(clientAuthentication, request.headers(), clientId);
        var now = clock.instant();
        Authorization authorization = AuthorizationId.parse(secrets.authorizationIdFromCode(code))
                .flatMap(authorizations::findById).orElseThrow(AuthorizationCodeGrant::invalidCode);
        if (authorization.status() == AuthorizationStatus.REDEEMED) {
            revoke(authorization);
            throw new TokenRequestException(TokenError.INVALID_GRANT, REUSED);
        }
        if (authorization.status() != AuthorizationStatus.COMPLETED || authorization.isExpired(now)) throw invalidCode();
        // RFC 6749 §4.1.3: the code was issued to this client, for this redirect_uri
        if (!authorization.clientId().equals(clientId)) throw invalidCode();
        if (!authorization.redirectUri().equals(redirectUri)) {
            throw new TokenRequestException(TokenError.INVALID_GRANT, "redirect_uri differs from the one of the authorization request");
        }
        // RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge
        if (!Digests.sameHash(Sha256.base64Url(verifier), authorization.codeChallenge())) {
            throw new TokenRequestException(TokenError.INVALID_GRANT, "code_verifier does not match the code_challenge");
        }
        // RFC 9449 §10: the code is bound to the DPoP key of the pushed request
        if (!authorization.dpopJkt().equals(proof.jkt())) {
            throw new TokenRequestException(TokenError.INVALID_GRANT, "the DPoP key differs from the one the code is bound to");
        }
        RequestProofs.consume(dpop, proof, attestation);

        String accessToken = tokens.mint(32);
        TokenHash tokenIndex = accessTokens.indexOf(accessToken);
        Duration lifetime = tokenProperties.accessTokenLifetime();
        OfferId offerId = OfferId.parse(authorization.offerId()).orElseThrow(AuthorizationCodeGrant::invalidCode);
        // Single use: the offer moves from OFFER_CREATED once (compare-and-set), so of two requests with one code, or
        // with two codes for one offer, one continues. Only that one marks the authorization REDEEMED, so a code whose
        // exchange produced nothing is never taken for a replay that revokes another code's token.
        offers.transition(offerId, current -> current.status() == OfferStatus.OFFER_CREATED && !current.isExpired(now)
                        ? Optional.of(current.tokenIssued(proof.jkt(), now, now.plus(lifetime))) : Optional.empty())
                .orElseThrow(() -> new TokenRequestException(TokenError.INVALID_GRANT, "the offer is no longer redeemable"));
        authorizations.transition(authorization.authorizationId(), current -> current.status() == AuthorizationStatus.COMPLETED
                        ? Optional.of(current.redeemed(tokenIndex.value(), now.plus(lifetime))) : Optional.empty())
                .orElseThrow(AuthorizationCodeGrant::invalidCode);
        offers.indexAccessToken(tokenIndex, offerId, lifetime);
        return new TokenResponse(accessToken, lifetime.toSeconds(),
                authorization.authorizationDetails() ? authorizationDetails(authorization) : null);
    }

    /** OID4VCI §6.2: the details the token covers, with the identifier to use at the credential endpoint. */
    private List<Map<String, Object>> authorizationDetails(Authorization authorization) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("type", WalletProtocol.OPENID_CREDENTIAL);
        detail.put("credential_configuration_id", authorization.credentialConfigurationId());
        detail.put("credential_identifiers", List.of(secrets.credentialIdentifier(authorization.offerId())));
        return List.of(detail);
    }

    /**
     * RFC 6749 §4.1.2: a code used twice ends what it produced. The access token's offer stops issuing: before
     * issuance it ends FAILED (callback), after issuance its claims are dropped, so the token fetches nothing more.
     */
    private void revoke(Authorization authorization) {
        Optional<OfferId> offerId = OfferId.parse(authorization.offerId());
        if (offerId.isEmpty()) return;
        var now = clock.instant();
        offers.transition(offerId.get(), current -> {
            if (current.status() == OfferStatus.ISSUED) return current.claims() == null ? Optional.empty() : Optional.of(current.withoutClaims());
            if (current.status().isFinal()) return Optional.empty();
            return Optional.of(current.ended(OfferStatus.FAILED, "authorization code used twice", now));
        }).filter(written -> written.status() == OfferStatus.FAILED)
                .ifPresent(failed -> events.publishEvent(new OfferEnded(failed.offerId(), OfferStatus.FAILED, failed.failureReason(), now)));
    }

    private static String required(TokenRequest request, String name) {
        String value = request.param(name);
        if (value == null || value.isEmpty()) throw new TokenRequestException(TokenError.INVALID_REQUEST, name + " is required");
        return value;
    }

    private static TokenRequestException invalidCode() {
        return new TokenRequestException(TokenError.INVALID_GRANT, "authorization code is invalid, expired or used");
    }
}
