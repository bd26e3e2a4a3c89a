package io.github.vciconnector.oauth;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.jose.Sha256;
import io.github.vciconnector.oauth.clientauth.ClientAuthentication;
import io.github.vciconnector.oauth.clientauth.ClientAuthenticationException;
import io.github.vciconnector.oauth.clientauth.SingleUseProof;
import io.github.vciconnector.oauth.dpop.DPoPError;
import io.github.vciconnector.oauth.dpop.DPoPProof;
import io.github.vciconnector.oauth.dpop.DPoPProofException;
import io.github.vciconnector.oauth.dpop.DPoPProofVerifier;
import io.github.vciconnector.session.AttemptCounters;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferEnded;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.session.TokenHash;
import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.github.vciconnector.session.TxCodeAttemptLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The Token Endpoint logic for the pre-authorized code grant (OID4VCI 1.0 §6): checks the DPoP proof, the code
 * and the Transaction Code, redeems the code exactly once and issues an opaque access token bound to the DPoP key.
 */
public class PreAuthorizedCodeGrant {

    private static final Logger log = LoggerFactory.getLogger(PreAuthorizedCodeGrant.class);

    private final OfferStore store;
    private final AttemptCounters attempts;
    private final DPoPProofVerifier dpop;
    private final ClientAuthentication clientAuthentication;
    private final OfferSecrets secrets;
    private final AccessTokenIndex accessTokens;
    private final TxCodeAttemptLimit txCodeAttempts;
    private final RandomTokens tokens;
    private final TokenProperties tokenProperties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final URI tokenEndpoint;

    public PreAuthorizedCodeGrant(OfferStore store, AttemptCounters attempts, DPoPProofVerifier dpop,
                                  ClientAuthentication clientAuthentication, OfferSecrets secrets,
                                  AccessTokenIndex accessTokens, TxCodeAttemptLimit txCodeAttempts, RandomTokens tokens,
                                  TokenProperties tokenProperties,
                                  ConnectorProperties connector, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.attempts = attempts;
        this.dpop = dpop;
        this.clientAuthentication = clientAuthentication;
        this.secrets = secrets;
        this.accessTokens = accessTokens;
        this.txCodeAttempts = txCodeAttempts;
        this.tokens = tokens;
        this.tokenProperties = tokenProperties;
        this.clock = clock;
        this.events = events;
        this.tokenEndpoint = connector.endpoint(WalletProtocol.TOKEN_PATH);
    }

    /** Exchanges a pre-authorized code; throws {@link TokenRequestException} with the RFC 6749 / RFC 9449 code. */
    public TokenResponse exchange(TokenRequest request) {
        if (!WalletProtocol.PRE_AUTHORIZED_CODE_GRANT.equals(request.grantType())) {
            throw new TokenRequestException(request.grantType() == null ? TokenError.INVALID_REQUEST
                    : TokenError.UNSUPPORTED_GRANT_TYPE, "grant_type must be the pre-authorized_code grant");
        }
        String code = request.preAuthorizedCode();
        if (code == null || code.isEmpty()) throw new TokenRequestException(TokenError.INVALID_REQUEST, "pre-authorized_code is missing");
        // M-2: reads only until the request has proven all it can (proof signatures, a live code); then the
        // single-use writes, each atomic, so a refused request leaves nothing in the store.
        DPoPProof proof = checkDPoP(request);
        SingleUseProof attestation = authenticateClient(request);
        TokenHash codeHash = new TokenHash(Sha256.base64Url(code)); // SHA-256: always 43 base64url characters
        IssuanceSession session = store.findByPreAuthorizedCode(codeHash)
                .filter(s -> s.status() == OfferStatus.OFFER_CREATED && !s.isExpired(clock.instant()))
                // A stored id this connector never makes (damaged data) fails here, before any single-use write
                .filter(s -> OfferId.parse(s.offerId()).isPresent())
                // A code made under a master secret no longer configured is dead, even though its hash is indexed
                .filter(s -> secrets.isPreAuthorizedCode(s.offerId(), code))
                .orElseThrow(() -> new TokenRequestException(TokenError.INVALID_GRANT, "pre-authorized code is invalid, expired or used"));
        String txCode = request.txCode();
        requireTxCodePresence(session, txCode);

        consumeDPoP(proof);
        try {
            attestation.consume();
        } catch (ClientAuthenticationException e) {
            throw invalidClient(e); // a replayed PoP
        }
        if (session.txCodeHash() != null) checkTxCode(session, txCode);
        // VCI-OFF-4: single use. The grant is one atomic store step (issue 15): the session leaves OFFER_CREATED and
        // the access token names it together, or neither happens and the code stays redeemable after a store failure.
        String accessToken = tokens.mint(32);
        Duration lifetime = tokenProperties.accessTokenLifetime();
        var now = clock.instant();
        store.redeem(session.id(), current -> current.status() == OfferStatus.OFFER_CREATED && !current.isExpired(now)
                        ? Optional.of(current.tokenIssued(proof.jkt(), now, now.plus(lifetime))) : Optional.empty(),
                        accessTokens.indexOf(accessToken), lifetime)
                .orElseThrow(() -> new TokenRequestException(TokenError.INVALID_GRANT, "pre-authorized code is invalid, expired or used"));
        forgetCode(codeHash);
        return new TokenResponse(accessToken, lifetime.toSeconds());
    }

    private SingleUseProof authenticateClient(TokenRequest request) {
        try {
            return clientAuthentication.authenticate(request.headers(), request.param("client_id"));
        } catch (ClientAuthenticationException e) {
            throw invalidClient(e);
        }
    }

    private static TokenRequestException invalidClient(ClientAuthenticationException e) {
        return new TokenRequestException(TokenError.INVALID_CLIENT, e.getMessage(), e);
    }

    private DPoPProof checkDPoP(TokenRequest request) {
        try {
            return dpop.check(request.dpop(), "POST", tokenEndpoint, null);
        } catch (DPoPProofException e) {
            throw tokenError(e);
        }
    }

    /** A replayed proof is refused before its tx_code counts as an attempt. */
    private void consumeDPoP(DPoPProof proof) {
        try {
            dpop.consume(proof);
        } catch (DPoPProofException e) {
            throw tokenError(e);
        }
    }

    private static TokenRequestException tokenError(DPoPProofException e) {
        return new TokenRequestException(e.error() == DPoPError.USE_DPOP_NONCE
                ? TokenError.USE_DPOP_NONCE : TokenError.INVALID_DPOP_PROOF, e.getMessage(), e);
    }

    /** VCI-TOK-2: tx_code iff the offer asked for one. */
    private static void requireTxCodePresence(IssuanceSession session, String txCode) {
        if (session.txCodeHash() == null) {
            if (txCode != null) throw new TokenRequestException(TokenError.INVALID_REQUEST, "tx_code was not expected for this offer");
        } else if (txCode == null || txCode.isEmpty()) {
            throw new TokenRequestException(TokenError.INVALID_REQUEST, "tx_code is required for this offer");
        }
    }

    /**
     * VCI-TOK-4: each attempt is counted atomically before the comparison, so parallel guesses cannot outrun the
     * limit: at most {@code txCodeMaxAttempts} are ever compared.
     */
    private void checkTxCode(IssuanceSession session, String txCode) {
        int max = txCodeAttempts.value();
        long attempt = attempts.increment(AttemptCounters.Kind.TX_CODE, session.offerId(),
                Duration.between(clock.instant(), session.expiresAt()).plusMinutes(1));
        if (attempt > max) {
            lock(session);
            throw new TokenRequestException(TokenError.INVALID_GRANT, "pre-authorized code is invalid, expired or used");
        }
        if (secrets.matchesTxCode(session.offerId(), txCode, session.txCodeHash())) return;
        if (attempt == max) lock(session);
        throw new TokenRequestException(TokenError.INVALID_GRANT, "tx_code is wrong");
    }

    /**
     * One store step locks the offer: once FAILED, no replica can redeem it, even with the right tx_code (the grant
     * is a compare-and-set from OFFER_CREATED). The code index is tidied up afterwards.
     */
    private void lock(IssuanceSession session) {
        var now = clock.instant();
        String reason = "tx_code entered wrongly " + txCodeAttempts.value() + " times";
        store.transition(session.id(), current -> current.status().isFinal() ? Optional.empty()
                        : Optional.of(current.ended(OfferStatus.FAILED, reason, now)))
                .ifPresent(failed -> events.publishEvent(new OfferEnded(session.offerId(), OfferStatus.FAILED, reason, now)));
        forgetCode(session.codeHash());
    }

    /**
     * Removes the code index entry of an offer that left OFFER_CREATED. Only tidying: the entry names a session the
     * grant refuses, so a store failure here must not fail a request whose real step already succeeded.
     */
    private void forgetCode(TokenHash codeHash) {
        try {
            store.redeemPreAuthorizedCode(codeHash);
        } catch (SessionStoreUnavailableException e) {
            log.info("pre-authorized code index entry left to its TTL: the session store failed");
        }
    }
}
