package io.github.vciconnector.oauth;

import io.github.vciconnector.config.AuthorizationProperties;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.oauth.clientauth.ClientAuthentication;
import io.github.vciconnector.oauth.clientauth.SingleUseProof;
import io.github.vciconnector.oauth.dpop.DPoPProof;
import io.github.vciconnector.oauth.dpop.DPoPProofVerifier;
import io.github.vciconnector.session.Authorization;
import io.github.vciconnector.session.AuthorizationStore;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.OfferStore;

import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;

import static io.github.vciconnector.oauth.PushedAuthorizationRequest.*;

/**
 * The Pushed Authorization Request endpoint logic (RFC 9126, HAIP §4.1, checklist Q.1): the wallet authenticates
 * with its wallet attestation and binds the future code to a DPoP key (RFC 9449 §10: a proof, or {@code dpop_jkt});
 * PKCE S256 is required (RFC 7636, plain refused); the credential is named by {@code scope} or
 * {@code authorization_details}; an {@code issuer_state} ties the request to an offer. The answer is a short-lived,
 * single-use {@code request_uri} for the authorization endpoint.
 */
public class PushedAuthorizationRequests {

    /** RFC 7636 §4.2: BASE64URL(SHA-256(verifier)) is 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern JKT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern CLIENT_ID_SYNTAX = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final AuthorizationStore authorizations;
    private final OfferStore offers;
    private final OfferSecrets secrets;
    private final CredentialConfigurations configurations;
    private final DPoPProofVerifier dpop;
    private final ClientAuthentication clientAuthentication;
    private final AuthorizationProperties properties;
    private final Clock clock;
    private final URI parEndpoint;
    private final String credentialIssuer;

    public PushedAuthorizationRequests(AuthorizationStore authorizations, OfferStore offers, OfferSecrets secrets,
                                       CredentialConfigurations configurations, DPoPProofVerifier dpop,
                                       ClientAuthentication clientAuthentication, AuthorizationProperties properties,
                                       ConnectorProperties connector, Clock clock) {
        this.authorizations = authorizations;
        this.offers = offers;
        this.secrets = secrets;
        this.configurations = configurations;
        this.dpop = dpop;
        this.clientAuthentication = clientAuthentication;
        this.properties = properties;
        this.clock = clock;
        this.parEndpoint = connector.endpoint(WalletProtocol.PAR_PATH);
        this.credentialIssuer = connector.issuerIdentifier();
    }

    /** Throws {@link TokenRequestException} with the RFC 9126 §2.3 / RFC 6749 §4.1.2.1 / RFC 9396 code. */
    public PushedAuthorizationResponse push(PushedAuthorizationRequest request) {
        if (!properties.enabled()) {
            throw new TokenRequestException(TokenError.INVALID_REQUEST, "the authorization code flow is not enabled at this issuer");
        }
        // RFC 9126 §2.1: a request_uri cannot be pushed; request objects (RFC 9101) are not supported here
        if (request.param(REQUEST_URI) != null) throw invalid("request_uri must not be sent to the PAR endpoint");
        if (request.param(REQUEST) != null) throw invalid("request objects are not supported");
        String responseType = request.param(RESPONSE_TYPE);
        if (responseType == null) throw invalid("response_type is required");
        if (!"code".equals(responseType)) throw new TokenRequestException(TokenError.UNSUPPORTED_RESPONSE_TYPE, "response_type must be code");
        String clientId = request.param(CLIENT_ID);
        if (clientId == null || !CLIENT_ID_SYNTAX.matcher(clientId).matches()) throw invalid("client_id is required");
        String redirectUri = request.param(REDIRECT_URI);
        RedirectUris.require(redirectUri);
        String challenge = requireS256Challenge(request);
        String state = request.param(STATE);
        if (state != null && (state.isEmpty() || state.length() > 1024)) throw invalid("state must be 1 to 1024 characters");
        RequestedCredential requested = RequestedCredential.resolve(request.param(SCOPE), request.param(AUTHORIZATION_DETAILS),
                configurations, credentialIssuer);
        String offerId = offerOf(request.param(ISSUER_STATE), requested);
        String dpopJkt = request.param(DPOP_JKT);
        if (dpopJkt != null && !JKT.matcher(dpopJkt).matches()) throw invalid("dpop_jkt must be a JWK SHA-256 thumbprint");

        // M-2: the proofs are checked with reads only, and written only once the whole request passed
        DPoPProof proof = null;
        if (!request.dpop().isEmpty()) {
            proof = RequestProofs.checkDPoP(dpop, request.dpop(), parEndpoint);
            // RFC 9449 §10.1: both given, they must name the same key
            if (dpopJkt != null && !dpopJkt.equals(proof.jkt())) {
                throw new TokenRequestException(TokenError.INVALID_DPOP_PROOF, "dpop_jkt does not match the DPoP proof key");
            }
            dpopJkt = proof.jkt();
        } else if (dpopJkt == null) {
            // HAIP: the code is DPoP-bound, so the key must be known now
            throw new TokenRequestException(TokenError.INVALID_DPOP_PROOF, "a DPoP proof or dpop_jkt is required");
        }
        SingleUseProof attestation = RequestProofs.authenticate(clientAuthentication, request.headers(), clientId);
        RequestProofs.consume(dpop, proof, attestation);

        var now = clock.instant();
        String id = secrets.newAuthorizationId();
        authorizations.create(Authorization.pushed(id, clientId, redirectUri, state, challenge, dpopJkt,
                requested.configuration().id(), requested.scope(), requested.authorizationDetails(), offerId, now,
                now.plus(properties.requestUriLifetime())));
        return new PushedAuthorizationResponse(PushedAuthorizationResponse.REQUEST_URI_PREFIX + secrets.requestUriReference(id),
                properties.requestUriLifetime().toSeconds());
    }

    /** RFC 7636 §4.3: the method defaults to plain when absent, and plain is refused (HAIP, FAPI 2.0). */
    private static String requireS256Challenge(PushedAuthorizationRequest request) {
        String challenge = request.param(CODE_CHALLENGE);
        if (challenge == null) throw invalid("code_challenge is required (PKCE)");
        if (!"S256".equals(request.param(CODE_CHALLENGE_METHOD))) throw invalid("code_challenge_method must be S256");
        if (!S256_CHALLENGE.matcher(challenge).matches()) throw invalid("code_challenge must be 43 base64url characters (S256)");
        return challenge;
    }

    /** The offer an {@code issuer_state} names: one for the authorization code grant, still open, for the same configuration. */
    private String offerOf(String issuerState, RequestedCredential requested) {
        if (issuerState == null) return null;
        IssuanceSession offer = OfferId.parse(secrets.offerIdFromIssuerState(issuerState)).flatMap(offers::findById)
                .filter(s -> s.status() == OfferStatus.OFFER_CREATED && !s.isExpired(clock.instant()))
                .filter(s -> secrets.isAuthorizationCodeOffer(s.offerId(), s.preAuthorizedCodeHash()))
                .orElseThrow(() -> invalid("issuer_state is unknown, expired or already used"));
        if (!offer.credentialConfigurationId().equals(requested.configuration().id())) {
            throw new TokenRequestException(requested.authorizationDetails() ? TokenError.INVALID_AUTHORIZATION_DETAILS
                    : TokenError.INVALID_SCOPE, "the offer of this issuer_state is for another credential configuration");
        }
        return offer.offerId();
    }

    private static TokenRequestException invalid(String description) {
        return new TokenRequestException(TokenError.INVALID_REQUEST, description);
    }
}
