package io.github.vciconnector.offer;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.SessionStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/** Offer beans. */
@Configuration(proxyBeanMethods = false)
class OfferConfiguration {

    @Bean
    OfferSecrets offerSecrets(ServerSecrets serverSecrets, SecureRandom random) {
        return new OfferSecrets(serverSecrets, random);
    }

    @Bean
    OfferExpirySweeper offerExpirySweeper(SessionStore store, Clock clock, ApplicationEventPublisher events, OfferProperties properties) {
        return new OfferExpirySweeper(store, clock, events, properties.sweepInterval());
    }

    @Bean
    OfferService offerService(SessionStore store, CredentialConfigurations configurations, ConnectorProperties connector,
                              OfferProperties properties, OfferSecrets secrets, SecureRandom random, Clock clock,
                              ApplicationEventPublisher events, @Value("${connector.callback.max-age:24h}") Duration callbackMaxAge) {
        return new OfferService(store, configurations, connector, properties, secrets, random, clock, events, callbackMaxAge);
    }
}
