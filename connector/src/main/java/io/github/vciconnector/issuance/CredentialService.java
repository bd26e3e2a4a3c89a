package io.github.vciconnector.issuance;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.metadata.ClaimMetadata;
import io.github.vciconnector.metadata.CredentialConfiguration;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.oauth.AuthorizedWallet;
import io.github.vciconnector.sdjwt.DisclosurePolicy;
import io.github.vciconnector.sdjwt.SdJwtVcIssuer;
import io.github.vciconnector.sdjwt.SdJwtVcRequest;
import io.github.vciconnector.sdjwt.SelectiveDisclosure;
import io.github.vciconnector.session.CredentialsIssued;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferEnded;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.session.StatusReference;
import io.github.vciconnector.status.StatusLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Credential Endpoint logic (OID4VCI 1.0 §8): validates the request, checks the key proofs, and signs one
 * SD-JWT VC per holder key, in key order (EUDI-6). An access token may be used for several Credential Responses
 * (§14.3, VCI-CRS-6) until it expires, up to a total per offer; the claims are deleted when the token expires or
 * the wallet notifies that it is done.
 */
public class CredentialService {

    private static final Logger log = LoggerFactory.getLogger(CredentialService.class);
    /** The credential's exp is rounded down to its UTC day, or one day after iat (SdJwtVcIssuer); a day covers both. */
    private static final Duration VALIDITY_SLACK = Duration.ofDays(1);

    private final CredentialConfigurations configurations;
    private final KeyProofVerifier proofs;
    private final SdJwtVcIssuer sdJwtVcIssuer;
    private final OfferStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String credentialIssuer;
    private final RandomTokens tokens;
    private final Map<String, DisclosurePolicy> policies;
    private final int maxCredentialsPerOffer;
    private final StatusLists statusLists;
    private final OfferSecrets secrets;

    /** @param secrets checks the credential identifiers of authorization code tokens; null accepts none */
    public CredentialService(CredentialConfigurations configurations, KeyProofVerifier proofs, SdJwtVcIssuer sdJwtVcIssuer,
                             OfferStore store, Clock clock, ApplicationEventPublisher events, ConnectorProperties connector,
                             RandomTokens tokens, IssuanceProperties properties, StatusLists statusLists,
                             OfferSecrets secrets) {
        this.secrets = secrets;
        this.configurations = configurations;
        this.policies = policies(configurations);
        this.proofs = proofs;
        this.sdJwtVcIssuer = sdJwtVcIssuer;
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.credentialIssuer = connector.issuerIdentifier();
        this.tokens = tokens;
        this.maxCredentialsPerOffer = properties.maxCredentialsPerOffer();
        this.statusLists = statusLists;
    }

    /**
     * Issues the credentials of one request; throws {@link CredentialRequestException} with the §8.3.1.2 code. The
     * same access token may ask again (VCI-CRS-6) while it is valid, up to {@code max-credentials-per-offer} in all.
     */
    public CredentialResponse issue(AuthorizedWallet wallet, CredentialRequest request) {
        IssuanceSession session = wallet.session();
        CredentialConfiguration configuration = configuration(request, session);
        // Refused early on what the token lookup read, before the proofs spend their c_nonce; the write decides.
        requireIssuable(session, 1, clock.instant());
        List<ECKey> holderKeys = proofs.verify(request.proofs());
        requireIssuable(session, holderKeys.size(), clock.instant());
        var now = clock.instant();
        // TSL-7: one fresh random entry per credential, batch included. Entries of credentials that are then not
        // handed out (a refused write below) stay unused: an index is never given out twice.
        Instant validUntil = now.plus(configuration.validity()).plus(VALIDITY_SLACK);
        List<StatusReference> entries = statusLists.allocate(holderKeys.size(), Duration.between(now, validUntil));
        var credentials = new ArrayList<String>(holderKeys.size());
        try {
            for (int i = 0; i < holderKeys.size(); i++) {
                // VCI-CRS-8: each credential of a batch gets its own cnf.jwk, fresh salts and its own (rounded) times.
                credentials.add(sdJwtVcIssuer.issue(new SdJwtVcRequest(configuration.vct(), credentialIssuer, session.claims(),
                        holderKeys.get(i).toPublicJWK(), policy(configuration), clock.instant(), configuration.validity(),
                        statusLists.claim(entries.get(i)))));
            }
        } catch (RuntimeException e) {
            log.error("signing failed for offer {}: {}", session.offerId(), e.getClass().getSimpleName());
            endFailed(session, "credential signing failed");
            throw new IllegalStateException("credential signing failed", e);
        }
        IssuanceSession written = markIssued(session, entries, validUntil, wallet.accessTokenExpiresAt());
        events.publishEvent(new CredentialsIssued(session.offerId(), configuration.id(), credentials.size(), now));
        return new CredentialResponse(credentials, written.notificationId());
    }

    private CredentialConfiguration configuration(CredentialRequest request, IssuanceSession session) {
        if (request.credentialIdentifier() != null) {
            // VCI-CRQ-3: identifiers are handed out only in the authorization_details of an authorization code token
            // response; each is derived from its offer, so only that offer's identifier is known
            if (secrets == null || !secrets.isCredentialIdentifier(session.offerId(), request.credentialIdentifier())) {
                throw new CredentialRequestException(CredentialError.UNKNOWN_CREDENTIAL_IDENTIFIER, "credential_identifier is unknown");
            }
            return configurations.find(session.credentialConfigurationId())
                    .orElseThrow(() -> new CredentialRequestException(CredentialError.UNKNOWN_CREDENTIAL_IDENTIFIER, "credential_identifier is unknown"));
        }
        CredentialConfiguration configuration = configurations.find(request.credentialConfigurationId())
                .orElseThrow(() -> new CredentialRequestException(CredentialError.UNKNOWN_CREDENTIAL_CONFIGURATION,
                        "credential_configuration_id is unknown"));
        if (!configuration.id().equals(session.credentialConfigurationId())) {
            // VCI-TOK-9: the access token covers only the configuration of its offer.
            throw denied("the access token does not cover this credential configuration");
        }
        return configuration;
    }

    private DisclosurePolicy policy(CredentialConfiguration configuration) {
        return policies.get(configuration.id());
    }

    /** The Type Metadata {@code sd} rules of each configuration, read once: undescribed paths are disclosable (TM-4 default). */
    private static Map<String, DisclosurePolicy> policies(CredentialConfigurations configurations) {
        var policies = new HashMap<String, DisclosurePolicy>();
        for (CredentialConfiguration configuration : configurations.all()) {
            var rules = new HashMap<List<Object>, SelectiveDisclosure>();
            for (ClaimMetadata claim : configuration.typeMetadata().claims()) {
                rules.put(claim.path(), SelectiveDisclosure.fromWire(claim.sd()));
            }
            policies.put(configuration.id(), path -> rules.getOrDefault(path, SelectiveDisclosure.ALLOWED));
        }
        return Map.copyOf(policies);
    }

    /**
     * Records the issuance before the credentials leave, with compare-and-set: parallel requests on one token are
     * counted one after the other, and the limit is checked against the count each of them actually extends. The
     * first response turns the offer ISSUED (one ISSUED callback); later ones add to the count and reuse its
     * notification_id. A cancellation, expiry or limit that landed after the checks wins: the signed credentials
     * are dropped and the wallet is told so.
     */
    private IssuanceSession markIssued(IssuanceSession session, List<StatusReference> entries, Instant validUntil,
                                       Instant tokenExpiresAt) {
        var now = clock.instant();
        String candidateNotificationId = tokens.mint(16);
        return store.transition(session.id(), current -> {
            requireIssuable(current, entries.size(), now);
            return Optional.of(current.status() == OfferStatus.TOKEN_ISSUED
                    ? current.issued(entries, validUntil, now, candidateNotificationId, claimsUntil(current, tokenExpiresAt))
                    : current.issuedAgain(entries, validUntil));
        }).orElseThrow(() -> denied("the offer ended before issuance"));
    }

    /** The claims are kept for repeat requests while the access token lives, never past the offer's own end. */
    private static Instant claimsUntil(IssuanceSession session, Instant tokenExpiresAt) {
        return tokenExpiresAt.isBefore(session.expiresAt()) ? tokenExpiresAt : session.expiresAt();
    }

    /** Throws {@code credential_request_denied} unless {@code session} may issue {@code count} more credentials now. */
    private void requireIssuable(IssuanceSession session, int count, Instant now) {
        if (!session.issuesCredentials(now)) {
            throw denied(session.status() == OfferStatus.ISSUED && !session.isExpired(now)
                    ? "issuance for this offer was ended by the wallet's notification or the backend" : "the offer ended or its access token expired");
        }
        int left = maxCredentialsPerOffer - session.credentialsIssued();
        if (count > left) {
            throw denied("this request asks for " + count + " credential(s) but the offer allows " + Math.max(left, 0)
                    + " more (max-credentials-per-offer " + maxCredentialsPerOffer + ")");
        }
    }

    private static CredentialRequestException denied(String description) {
        return new CredentialRequestException(CredentialError.CREDENTIAL_REQUEST_DENIED, description);
    }

    private void endFailed(IssuanceSession session, String reason) {
        var now = clock.instant();
        store.transition(session.id(), current -> current.status().isFinal() ? Optional.empty()
                        : Optional.of(current.ended(OfferStatus.FAILED, reason, now)))
                .ifPresent(failed -> events.publishEvent(new OfferEnded(session.offerId(), OfferStatus.FAILED, reason, now)));
    }
}
