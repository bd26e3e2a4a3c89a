package io.github.vciconnector.webhook;

import io.github.vciconnector.session.CallbackMaxAge;
import io.github.vciconnector.session.Leases;
import io.github.vciconnector.session.OfferStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.time.Clock;

/** Callback beans. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    CallbackDispatcher callbackDispatcher(OfferStore store, Leases leases, CallbackProperties properties, JsonMapper json,
                                          MeterRegistry meters, Clock clock, SecureRandom random) {
        return new CallbackDispatcher(store, leases, new CallbackSender(properties, json, clock), properties,
                new CallbackMetrics(meters), clock, random);
    }

    /** The max-age setting, read once by its owner, for the offer feature that fixes it into each new offer. */
    @Bean
    CallbackMaxAge callbackMaxAge(CallbackProperties properties) {
        return new CallbackMaxAge(properties.maxAge());
    }

    @Bean
    CallbackSigningStatus callbacksHealthIndicator(CallbackProperties properties) {
        return new CallbackSigningStatus(properties).logged();
    }
}
