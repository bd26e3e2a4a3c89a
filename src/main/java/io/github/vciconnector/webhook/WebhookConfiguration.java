package io.github.vciconnector.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** Callback beans. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    CallbackDispatcher callbackDispatcher(CallbackProperties properties, JsonMapper json, Clock clock) {
        return new CallbackDispatcher(properties, json, clock);
    }
}
