package io.github.vciconnector.metadata;

import io.github.vciconnector.config.AuthorizationProperties;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.HaipProperties;
import io.github.vciconnector.keys.SigningKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Loads the credential configurations and renders the metadata documents once, at startup. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssuerInfoProperties.class)
class MetadataConfiguration {

    @Bean
    CredentialConfigurations credentialConfigurations(CredentialConfigurationsProperties properties) {
        return CredentialConfigurationsLoader.load(properties);
    }

    @Bean
    HaipRelaxations haipRelaxations(HaipProperties haip) {
        return new HaipRelaxations(haip).logged();
    }

    @Bean
    MetadataDocuments metadataDocuments(ConnectorProperties connector, CredentialConfigurations configurations,
                                        WalletTrustPolicy trust, SigningKeys keys, Clock clock, IssuerInfoProperties issuerInfo,
                                        AuthorizationProperties authorization) {
        return new MetadataDocuments(connector, configurations, trust, IssuerInfo.load(issuerInfo), keys.access(), clock,
                authorization.enabled());
    }
}
