package io.github.vciconnector.issuance;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.metadata.ClaimMetadata;
import io.github.vciconnector.metadata.CredentialConfiguration;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.oauth.AuthorizedWallet;
import io.github.vciconnector.offer.OfferEnded;
import io.github.vciconnector.sdjwt.DisclosurePolicy;
import io.github.vciconnector.sdjwt.SdJwtVcIssuer;
import io.github.vciconnector.sdjwt.SdJwtVcRequest;
import io.github.vciconnector.sdjwt.SelectiveDisclosure;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Credential Endpoint logic (OID4VCI 1.0 §8): validates the request, checks the key proofs, and signs one
 * SD-JWT VC per holder key, in key order (EUDI-6). One Credential Response per access token; the claims are
 * deleted from the session once issued.
 */
public class CredentialService {

    private static final Logger log = LoggerFactory.getLogger(CredentialService.class);

    private final CredentialConfigurations configurations;
    private final KeyProofVerifier proofs;
    private final SdJwtVcIssuer sdJwtVcIssuer;
    private final SessionStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String credentialIssuer;
    private final SecureRandom random;
    private final Map<String, DisclosurePolicy> policies;

    public CredentialService(CredentialConfigurations configurations, KeyProofVerifier proofs, SdJwtVcIssuer sdJwtVcIssuer,
                             SessionStore store, Clock clock, ApplicationEventPublisher events, ConnectorProperties connector,
                             SecureRandom random) {
        this.configurations = configurations;
        this.policies = policies(configurations);
        this.proofs = proofs;
        this.sdJwtVcIssuer = sdJwtVcIssuer;
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.credentialIssuer = connector.issuerIdentifier();
        this.random = random;
    }

    /** Issues the credentials of one request; throws {@link CredentialRequestException} with the §8.3.1.2 code. */
    public IssuedCredentials issue(AuthorizedWallet wallet, CredentialRequest request) {
        IssuanceSession session = wallet.session();
        CredentialConfiguration configuration = configuration(request, session);
        if (session.status() != OfferStatus.TOKEN_ISSUED || session.claims() == null) {
            throw new CredentialRequestException(CredentialError.CREDENTIAL_REQUEST_DENIED, "the credential of this offer was already issued or the offer ended");
        }
        List<ECKey> holderKeys = proofs.verify(request.proofType(), request.proofs());
        if (!store.markUsed("credential-response", wallet.accessTokenHash(), Duration.ofHours(1))) {
            throw new CredentialRequestException(CredentialError.CREDENTIAL_REQUEST_DENIED, "a credential was already issued for this access token");
        }
        var now = clock.instant();
        var credentials = new ArrayList<String>(holderKeys.size());
        try {
            for (ECKey holderKey : holderKeys) {
                // VCI-CRS-8: each credential of a batch gets its own cnf.jwk, fresh salts and its own (rounded) times.
                credentials.add(sdJwtVcIssuer.issue(new SdJwtVcRequest(configuration.vct(), credentialIssuer, session.claims(),
                        holderKey.toPublicJWK(), policy(configuration), clock.instant(), configuration.validity(), null)));
            }
        } catch (RuntimeException e) {
            log.error("signing failed for offer {}: {}", session.offerId(), e.getClass().getSimpleName());
            endFailed(session, "credential signing failed");
            throw new IllegalStateException("credential signing failed", e);
        }
        String notificationId = randomId();
        markIssued(session, credentials.size(), notificationId);
        events.publishEvent(new CredentialsIssued(session.offerId(), configuration.id(), credentials.size(), now));
        return new IssuedCredentials(credentials, notificationId);
    }

    private CredentialConfiguration configuration(CredentialRequest request, IssuanceSession session) {
        if (request.credentialIdentifier() != null) {
            // No authorization_details are returned by the token endpoint, so no identifier was ever handed out.
            throw new CredentialRequestException(CredentialError.UNKNOWN_CREDENTIAL_IDENTIFIER, "credential_identifier is unknown");
        }
        CredentialConfiguration configuration = configurations.find(request.credentialConfigurationId())
                .orElseThrow(() -> new CredentialRequestException(CredentialError.UNKNOWN_CREDENTIAL_CONFIGURATION,
                        "credential_configuration_id is unknown"));
        if (!configuration.id().equals(session.credentialConfigurationId())) {
            // VCI-TOK-9: the access token covers only the configuration of its offer.
            throw new CredentialRequestException(CredentialError.CREDENTIAL_REQUEST_DENIED,
                    "the access token does not cover this credential configuration");
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
     * Records the issuance before the credentials leave. A cancellation (or expiry) that landed after the checks
     * wins: the signed credentials are dropped and the wallet is told so, instead of overwriting the final state.
     */
    private void markIssued(IssuanceSession session, int count, String notificationId) {
        var now = clock.instant();
        if (store.transition(session.offerId(), current -> current.status() == OfferStatus.TOKEN_ISSUED
                ? Optional.of(current.issued(count, now, notificationId)) : Optional.empty()).isEmpty()) {
            throw new CredentialRequestException(CredentialError.CREDENTIAL_REQUEST_DENIED, "the offer ended before issuance");
        }
    }

    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void endFailed(IssuanceSession session, String reason) {
        var now = clock.instant();
        store.transition(session.offerId(), current -> current.status().isFinal() ? Optional.empty()
                        : Optional.of(current.ended(OfferStatus.FAILED, reason, now)))
                .ifPresent(failed -> events.publishEvent(new OfferEnded(session.offerId(), OfferStatus.FAILED, reason, now)));
    }
}
