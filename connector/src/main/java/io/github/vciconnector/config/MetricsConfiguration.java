package io.github.vciconnector.config;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps implementation detail out of the Prometheus labels (robustness finding 11): Micrometer names the exception
 * class of a failed request in {@code exception} and {@code error}, and Spring Boot the application's main class in
 * {@code main_application_class}. Status and outcome already say what a scraper needs; class names only tell an
 * onlooker how the connector is built.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    static final String[] DROPPED_TAGS = {"exception", "error", "main.application.class"};

    @Bean
    MeterFilter withoutImplementationTags() {
        return MeterFilter.ignoreTags(DROPPED_TAGS);
    }
}
