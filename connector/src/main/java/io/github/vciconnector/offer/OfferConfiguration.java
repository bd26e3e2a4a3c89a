package io.github.vciconnector.offer;

import io.github.vciconnector.config.AuthorizationProperties;
import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.session.AuthorizationStore;
import io.github.vciconnector.session.CallbackMaxAge;
import io.github.vciconnector.session.IdempotencyKeys;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.SessionRetention;
import io.github.vciconnector.session.TxCodeAttemptLimit;
import org.springframework.context.ApplicationEventPublisher;
import io.github.vciconnector.status.StatusLists;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;

/** Offer beans. */
@Configuration(proxyBeanMethods = false)
class OfferConfiguration {

    @Bean
    OfferSecrets offerSecrets(ServerSecrets serverSecrets, RandomTokens tokens) {
        return new OfferSecrets(serverSecrets, tokens);
    }

    /** The tx_code attempt limit, read once here by its owner, for the token endpoint's grant. */
    @Bean
    TxCodeAttemptLimit txCodeAttemptLimit(OfferProperties properties) {
        return new TxCodeAttemptLimit(properties.txCodeMaxAttempts());
    }

    /** The retention setting, read once here by its owner, for the store adapters. */
    @Bean
    SessionRetention sessionRetention(OfferProperties properties) {
        return new SessionRetention(properties.retention());
    }

    @Bean
    OfferExpirySweeper offerExpirySweeper(OfferStore store, Clock clock, ApplicationEventPublisher events, OfferProperties properties) {
        return new OfferExpirySweeper(store, clock, events, properties.sweepInterval());
    }

    @Bean
    OfferRevocation offerRevocation(OfferStore store, StatusLists statusLists, Clock clock, ApplicationEventPublisher events) {
        return new OfferRevocation(store, statusLists, clock, events);
    }

    @Bean
    OfferService offerService(OfferStore store, IdempotencyKeys idempotencyKeys, CredentialConfigurations configurations,
                              ConnectorProperties connector, OfferProperties properties, OfferSecrets secrets, SecureRandom random,
                              Clock clock, ApplicationEventPublisher events, CallbackMaxAge callbackMaxAge,
                              AuthorizationProperties authorization) {
        return new OfferService(store, idempotencyKeys, configurations, connector, properties, secrets, random, clock, events,
                callbackMaxAge.value(), authorization.enabled());
    }

    @Bean
    AuthorizationDecisions authorizationDecisions(AuthorizationStore authorizations, OfferStore store, OfferService offers,
                                                  OfferSecrets secrets, AuthorizationProperties properties,
                                                  ConnectorProperties connector, Clock clock) {
        return new AuthorizationDecisions(authorizations, store, offers, secrets, properties, connector, clock);
    }
}
