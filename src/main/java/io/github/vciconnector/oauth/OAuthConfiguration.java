package io.github.vciconnector.oauth;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.HaipProperties;
import io.github.vciconnector.oauth.dpop.DPoPNonces;
import io.github.vciconnector.oauth.dpop.DPoPProofVerifier;
import io.github.vciconnector.oauth.dpop.DPoPProperties;
import io.github.vciconnector.offer.OfferProperties;
import io.github.vciconnector.offer.OfferSecrets;
import io.github.vciconnector.session.SessionStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;

/** Token endpoint and DPoP beans. */
@Configuration(proxyBeanMethods = false)
class OAuthConfiguration {

    @Bean
    DPoPNonces dpopNonces(SessionStore store, Clock clock, SecureRandom random, DPoPProperties properties) {
        return new DPoPNonces(store, clock, random, properties);
    }

    @Bean
    DPoPProofVerifier dpopProofVerifier(SessionStore store, DPoPNonces nonces, Clock clock, DPoPProperties properties) {
        return new DPoPProofVerifier(store, nonces, clock, properties);
    }

    @Bean
    ClientAuthentication clientAuthentication(HaipProperties haip) {
        return request -> {
            if (haip.walletAttestationRequired()) {
                throw new TokenRequestException(TokenError.INVALID_CLIENT, "wallet attestation is required");
            }
        };
    }

    @Bean
    PreAuthorizedCodeGrant preAuthorizedCodeGrant(SessionStore store, DPoPProofVerifier dpop, DPoPNonces nonces,
                                                  ClientAuthentication clientAuthentication, OfferSecrets secrets,
                                                  OfferProperties offerProperties, TokenProperties tokenProperties,
                                                  ConnectorProperties connector, Clock clock, ApplicationEventPublisher events) {
        return new PreAuthorizedCodeGrant(store, dpop, nonces, clientAuthentication, secrets, offerProperties,
                tokenProperties, connector, clock, events);
    }

    @Bean
    AccessTokenVerifier accessTokenVerifier(SessionStore store, DPoPProofVerifier dpop) {
        return new AccessTokenVerifier(store, dpop);
    }
}
