package io.github.vciconnector.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One authorization of the authorization code flow (DESIGN §10, checklist Q.1), from the pushed request to the
 * redeemed code. Immutable: every step makes a copy with {@code version + 1}, written with
 * {@link AuthorizationStore#update} (compare-and-set), so each step happens at most once. The request_uri and the
 * code are not stored: both are derived from the id with a server key ({@link OfferSecrets}), and checked by it.
 * No claims live here; they go to the offer.
 *
 * @param clientId         the wallet's {@code client_id}, as its wallet attestation authenticated it at PAR
 * @param redirectUri      the {@code redirect_uri} registered at PAR, the only place the browser is sent back to
 * @param state            the wallet's {@code state}, returned in the authorization response; may be null
 * @param codeChallenge    the PKCE S256 {@code code_challenge} (RFC 7636 §4.2)
 * @param dpopJkt          the thumbprint of the DPoP key the code is bound to (RFC 9449 §10)
 * @param authorizationDetails true when the wallet asked with {@code authorization_details} (RFC 9396), so the token
 *                         response returns them with {@code credential_identifiers}
 * @param offerId          the offer: given by {@code issuer_state} (issuer-initiated) or created at completion
 * @param issuerInitiated  true when the offer existed before the request (its claims came with it)
 * @param expiresAt        the end of the current step: request_uri, login, code, or (REDEEMED) the access token
 * @param accessTokenIndex once REDEEMED: the index of the access token it produced, for revocation on a replay
 */
public record Authorization(String id, long version, AuthorizationStatus status, String clientId, String redirectUri,
                            String state, String codeChallenge, String dpopJkt, String credentialConfigurationId,
                            String scope, boolean authorizationDetails, String offerId, boolean issuerInitiated,
                            Instant createdAt, Instant expiresAt, String accessTokenIndex) {

    /**
     * How long a record is kept after its step ended: a late call then reads "expired" rather than "unknown", and a
     * replayed code still finds the token it produced.
     */
    public static final Duration RETENTION = Duration.ofMinutes(10);

    public Authorization {
        AuthorizationId.parse(id).orElseThrow(() -> new IllegalArgumentException("id is not an authorization id"));
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(dpopJkt, "dpopJkt");
        Objects.requireNonNull(credentialConfigurationId, "credentialConfigurationId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (issuerInitiated && offerId == null) throw new IllegalArgumentException("an issuer-initiated authorization names its offer");
    }

    /** A pushed authorization request (RFC 9126), its request_uri valid until {@code expiresAt}. */
    public static Authorization pushed(String id, String clientId, String redirectUri, String state, String codeChallenge,
                                       String dpopJkt, String credentialConfigurationId, String scope,
                                       boolean authorizationDetails, String offerId, Instant now, Instant expiresAt) {
        return new Authorization(id, 0, AuthorizationStatus.PUSHED, clientId, redirectUri, state, codeChallenge, dpopJkt,
                credentialConfigurationId, scope, authorizationDetails, offerId, offerId != null, now, expiresAt, null);
    }

    public AuthorizationId authorizationId() {
        return new AuthorizationId(id);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The store keeps the record until then. */
    public Instant retainUntil() {
        return expiresAt.plus(RETENTION);
    }

    /** The request_uri was used: the person has until {@code loginUntil} to log in at the backend. */
    public Authorization pending(Instant loginUntil) {
        return next(AuthorizationStatus.PENDING, offerId, loginUntil, null);
    }

    /** The backend completed it for {@code completedOfferId}: the code may be redeemed until {@code codeUntil}. */
    public Authorization completed(String completedOfferId, Instant codeUntil) {
        return next(AuthorizationStatus.COMPLETED, completedOfferId, codeUntil, null);
    }

    /** The backend denied it; nothing can follow. */
    public Authorization denied(Instant now) {
        return next(AuthorizationStatus.DENIED, offerId, now, null);
    }

    /** The code was exchanged for the access token with index {@code tokenIndex}, valid until {@code tokenUntil}. */
    public Authorization redeemed(String tokenIndex, Instant tokenUntil) {
        return next(AuthorizationStatus.REDEEMED, offerId, tokenUntil, tokenIndex);
    }

    private Authorization next(AuthorizationStatus newStatus, String newOfferId, Instant newExpiry, String tokenIndex) {
        return new Authorization(id, version + 1, newStatus, clientId, redirectUri, state, codeChallenge, dpopJkt,
                credentialConfigurationId, scope, authorizationDetails, newOfferId, issuerInitiated, createdAt, newExpiry,
                tokenIndex);
    }

    /** The state and redirect URI are the wallet's; the rest are ids. */
    @Override
    public String toString() {
        return "Authorization[id=" + id + ", status=" + status + ", configuration=" + credentialConfigurationId
                + ", offerId=" + offerId + ", expiresAt=" + expiresAt + "]";
    }
}
