package io.github.vciconnector.webhook;

import io.github.vciconnector.session.SessionStore;
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
    CallbackDispatcher callbackDispatcher(SessionStore store, CallbackProperties properties, JsonMapper json,
                                          MeterRegistry meters, Clock clock, SecureRandom random) {
        return new CallbackDispatcher(store, new CallbackSender(properties, json, clock), properties,
                new CallbackMetrics(meters), clock, random);
    }

    @Bean
    CallbackSigningStatus callbacksHealthIndicator(CallbackProperties properties) {
        return new CallbackSigningStatus(properties).logged();
    }
}
