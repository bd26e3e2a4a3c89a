package io.github.vciconnector.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters on {@code /actuator/prometheus}: {@code connector_callbacks_{delivered,retried,undeliverable}_total}. */
final class CallbackMetrics {

    final Counter delivered;
    final Counter retried;
    final Counter undeliverable;

    CallbackMetrics(MeterRegistry registry) {
        delivered = Counter.builder("connector.callbacks.delivered").description("callback events accepted by the receiver").register(registry);
        retried = Counter.builder("connector.callbacks.retried").description("failed delivery attempts that will be retried").register(registry);
        undeliverable = Counter.builder("connector.callbacks.undeliverable").description("callback events given up after max-age").register(registry);
    }
}
