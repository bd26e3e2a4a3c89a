package io.github.vciconnector.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;

/** Cross-cutting beans: the clock every expiry is measured with and the one source of randomness. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    RandomTokens randomTokens(SecureRandom random) {
        return new RandomTokens(random);
    }
}
