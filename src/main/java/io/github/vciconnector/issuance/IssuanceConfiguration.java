package io.github.vciconnector.issuance;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.keys.SigningKeys;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.sdjwt.SdJwtVcIssuer;
import io.github.vciconnector.session.SessionStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;

/** Credential endpoint beans. */
@Configuration(proxyBeanMethods = false)
class IssuanceConfiguration {

    @Bean
    CNonces cNonces(SessionStore store, SecureRandom random, Clock clock, IssuanceProperties properties) {
        return new CNonces(store, random, clock, properties);
    }

    @Bean
    KeyProofVerifier keyProofVerifier(CNonces cNonces, Clock clock, IssuanceProperties properties, ConnectorProperties connector) {
        return new KeyProofVerifier(cNonces, clock, properties, connector.issuerIdentifier());
    }

    @Bean
    SdJwtVcIssuer sdJwtVcIssuer(SigningKeys keys, SecureRandom random) {
        return new SdJwtVcIssuer(keys.credential(), random);
    }

    @Bean
    CredentialService credentialService(CredentialConfigurations configurations, KeyProofVerifier proofs, SdJwtVcIssuer issuer,
                                        SessionStore store, Clock clock, ApplicationEventPublisher events,
                                        ConnectorProperties connector) {
        return new CredentialService(configurations, proofs, issuer, store, clock, events, connector);
    }
}
