package io.github.vciconnector.oauth;

import io.github.vciconnector.config.AuthorizationProperties;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.HaipProperties;
import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.keys.AttestationStatus;
import io.github.vciconnector.keys.TrustAnchorRefresher;
import io.github.vciconnector.keys.TrustedListSource;
import io.github.vciconnector.keys.X509ChainValidator;
import io.github.vciconnector.oauth.clientauth.ClientAuthentication;
import io.github.vciconnector.oauth.clientauth.WalletAttestationProperties;
import io.github.vciconnector.oauth.clientauth.WalletAttestationVerifier;
import io.github.vciconnector.oauth.dpop.DPoPNonces;
import io.github.vciconnector.oauth.dpop.DPoPProofVerifier;
import io.github.vciconnector.oauth.dpop.DPoPProperties;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.session.AttemptCounters;
import io.github.vciconnector.session.AuthorizationStore;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.SingleUseChecker;
import io.github.vciconnector.session.TxCodeAttemptLimit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/** Token endpoint, PAR, authorization endpoint and DPoP beans. */
@Configuration(proxyBeanMethods = false)
class OAuthConfiguration {

    @Bean
    DPoPNonces dpopNonces(ServerSecrets secrets, Clock clock, DPoPProperties properties) {
        return new DPoPNonces(secrets, clock, properties);
    }

    @Bean
    DPoPProofVerifier dpopProofVerifier(SingleUseChecker store, DPoPNonces nonces, Clock clock, DPoPProperties properties) {
        return new DPoPProofVerifier(store, nonces, clock, properties);
    }

    /** As the bean below, without a trusted list (for tests). */
    ClientAuthentication clientAuthentication(HaipProperties haip, WalletAttestationProperties properties,
                                              SingleUseChecker store, Clock clock, ConnectorProperties connector,
                                              TrustAnchorRefresher refresher, AttestationStatus status) {
        return walletAttestation(haip, properties, store, clock, connector, refresher, status, null);
    }

    /**
     * HAIP §4.4.1: wallet attestation, checked against the wallet-provider trust anchors, read again whenever their
     * files change, and the certificates of the wallet-provider trusted list when one is configured (DESIGN §11).
     * Without either the connector starts only when wallet attestation is relaxed for development wallets.
     */
    @Bean
    ClientAuthentication clientAuthentication(HaipProperties haip, WalletAttestationProperties properties,
                                              SingleUseChecker store, Clock clock, ConnectorProperties connector,
                                              TrustAnchorRefresher refresher, AttestationStatus status,
                                              ObjectProvider<TrustedListSource> trustList) {
        return walletAttestation(haip, properties, store, clock, connector, refresher, status, trustList.getIfAvailable());
    }

    private static ClientAuthentication walletAttestation(HaipProperties haip, WalletAttestationProperties properties,
                                                          SingleUseChecker store, Clock clock, ConnectorProperties connector,
                                                          TrustAnchorRefresher refresher, AttestationStatus status,
                                                          TrustedListSource trustList) {
        String variable = WalletAttestationProperties.TRUST_ANCHORS_VARIABLE;
        if (properties.trustAnchors().isEmpty() && trustList == null && haip.walletAttestationRequired()) {
            throw new IllegalStateException(variable + " is not set: HAIP requires wallet attestation, so list the "
                    + "PEM file(s) of the wallet-provider CAs to trust, or set CONNECTOR_WALLET_PROVIDER_TRUST_LIST_URL (or "
                    + "CONNECTOR_HAIP_WALLET_ATTESTATION=optional for development wallets only)");
        }
        X509ChainValidator anchors = properties.trustAnchors().isEmpty() && trustList != null ? new X509ChainValidator(List.of())
                : X509ChainValidator.forSetting(variable, properties.trustAnchors(), "wallet attestations", clock, refresher);
        if (trustList != null) trustList.feed(anchors);
        return new WalletAttestationVerifier(anchors, store, clock, properties, connector.issuerIdentifier(),
                haip.walletAttestationRequired(), status);
    }

    @Bean
    PreAuthorizedCodeGrant preAuthorizedCodeGrant(OfferStore store, AttemptCounters attempts, DPoPProofVerifier dpop,
                                                  ClientAuthentication clientAuthentication, OfferSecrets secrets,
                                                  TxCodeAttemptLimit txCodeAttempts, RandomTokens tokens, TokenProperties tokenProperties,
                                                  ConnectorProperties connector, Clock clock, ApplicationEventPublisher events,
                                                  AccessTokenIndex accessTokens) {
        return new PreAuthorizedCodeGrant(store, attempts, dpop, clientAuthentication, secrets, accessTokens, txCodeAttempts, tokens,
                tokenProperties, connector, clock, events);
    }

    @Bean
    PushedAuthorizationRequests pushedAuthorizationRequests(AuthorizationStore authorizations, OfferStore offers,
                                                            OfferSecrets secrets, CredentialConfigurations configurations,
                                                            DPoPProofVerifier dpop, ClientAuthentication clientAuthentication,
                                                            AuthorizationProperties properties, ConnectorProperties connector,
                                                            Clock clock) {
        return new PushedAuthorizationRequests(authorizations, offers, secrets, configurations, dpop, clientAuthentication,
                properties, connector, clock);
    }

    @Bean
    AuthorizationRequests authorizationRequests(AuthorizationStore authorizations, OfferSecrets secrets,
                                                AuthorizationProperties properties, Clock clock) {
        return new AuthorizationRequests(authorizations, secrets, properties, clock);
    }

    @Bean
    AuthorizationCodeGrant authorizationCodeGrant(AuthorizationStore authorizations, OfferStore offers, OfferSecrets secrets,
                                                  DPoPProofVerifier dpop, ClientAuthentication clientAuthentication,
                                                  AccessTokenIndex accessTokens, RandomTokens tokens, TokenProperties tokenProperties,
                                                  AuthorizationProperties properties, ConnectorProperties connector, Clock clock,
                                                  ApplicationEventPublisher events) {
        return new AuthorizationCodeGrant(authorizations, offers, secrets, dpop, clientAuthentication, accessTokens, tokens,
                tokenProperties, properties, connector, clock, events);
    }

    @Bean
    AccessTokenIndex accessTokenIndex(ServerSecrets secrets) {
        return new AccessTokenIndex(secrets);
    }

    @Bean
    AccessTokenVerifier accessTokenVerifier(OfferStore store, DPoPProofVerifier dpop, AccessTokenIndex accessTokens,
                                            TokenProperties tokenProperties) {
        return new AccessTokenVerifier(store, dpop, accessTokens, tokenProperties.accessTokenLifetime());
    }
}
