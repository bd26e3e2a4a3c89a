package io.github.vciconnector.issuance;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.config.HaipProperties;
import io.github.vciconnector.issuance.keyattestation.KeyAttestationProperties;
import io.github.vciconnector.issuance.keyattestation.KeyAttestationVerifier;
import io.github.vciconnector.keys.AttestationStatus;
import io.github.vciconnector.keys.SigningKeys;
import io.github.vciconnector.keys.TrustAnchorRefresher;
import io.github.vciconnector.keys.X509ChainValidator;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.metadata.WalletTrustPolicy;
import io.github.vciconnector.sdjwt.SdJwtVcIssuer;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.SingleUseChecker;
import io.github.vciconnector.status.StatusLists;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;

/** Credential endpoint beans. */
@Configuration(proxyBeanMethods = false)
class IssuanceConfiguration {

    /** What metadata advertises of the checks and the batch size this package enforces. */
    @Bean
    WalletTrustPolicy walletTrustPolicy(HaipProperties haip, IssuanceProperties properties, KeyAttestationProperties keyAttestation) {
        return new WalletTrustPolicy(haip.walletAttestationRequired(), haip.keyAttestationRequired(), properties.batchSize(),
                keyAttestation.keyStorage(), keyAttestation.userAuthentication());
    }

    @Bean
    CNonces cNonces(SingleUseChecker store, ServerSecrets secrets, SecureRandom random, Clock clock, IssuanceProperties properties) {
        return new CNonces(store, secrets, random, clock, properties);
    }

    /**
     * HAIP §4.5.1: key attestations, checked against the trust anchors, read again whenever their files change (DESIGN §11). Without anchors the
     * connector starts only when key attestation is relaxed for development wallets.
     */
    @Bean
    KeyAttestationVerifier keyAttestationVerifier(HaipProperties haip, KeyAttestationProperties properties, Clock clock,
                                                  TrustAnchorRefresher refresher, AttestationStatus status) {
        String variable = KeyAttestationProperties.TRUST_ANCHORS_VARIABLE;
        if (properties.trustAnchors().isEmpty() && haip.keyAttestationRequired()) {
            throw new IllegalStateException(variable + " is not set: HAIP requires key attestation, so list the PEM "
                    + "file(s) of the key-attestation issuer CAs to trust (or set CONNECTOR_HAIP_KEY_ATTESTATION=optional "
                    + "for development wallets only)");
        }
        var anchors = X509ChainValidator.forSetting(variable, properties.trustAnchors(), "key attestations", clock, refresher);
        return new KeyAttestationVerifier(anchors, clock, properties, status);
    }

    @Bean
    KeyProofVerifier keyProofVerifier(CNonces cNonces, KeyAttestationVerifier keyAttestations, HaipProperties haip, Clock clock,
                                      IssuanceProperties properties, ConnectorProperties connector) {
        return new KeyProofVerifier(cNonces, keyAttestations, haip.keyAttestationRequired(), clock, properties,
                connector.issuerIdentifier());
    }

    @Bean
    SdJwtVcIssuer sdJwtVcIssuer(SigningKeys keys, SecureRandom random, CredentialConfigurations configurations, Clock clock) {
        SigningCertificateLifetime.logWarnings(keys.credential(), configurations, clock.instant());
        return new SdJwtVcIssuer(keys.credential(), random);
    }

    @Bean
    CredentialService credentialService(CredentialConfigurations configurations, KeyProofVerifier proofs, SdJwtVcIssuer issuer,
                                        OfferStore store, Clock clock, ApplicationEventPublisher events,
                                        ConnectorProperties connector, RandomTokens tokens, IssuanceProperties properties,
                                        StatusLists statusLists, OfferSecrets secrets) {
        return new CredentialService(configurations, proofs, issuer, store, clock, events, connector, tokens, properties,
                statusLists, secrets);
    }

    @Bean
    NotificationService notificationService(OfferStore store) {
        return new NotificationService(store);
    }
}
