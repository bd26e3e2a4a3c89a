package io.github.vciconnector.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Meters on {@code /actuator/prometheus}, tagged with the list id: {@code connector_status_list_issued_total} and
 * {@code connector_status_list_revoked_total} (credentials, counted by the replica that did it) and
 * {@code connector_status_list_fill} (entries handed out / size, as this replica last saw it).
 */
public final class StatusListMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> fills = new ConcurrentHashMap<>();

    public StatusListMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void issued(String listId, int count, int allocated, int size) {
        Counter.builder("connector.status_list.issued").description("credentials given an entry in this status list")
                .tag("list", listId).register(registry).increment(count);
        fill(listId).set(size == 0 ? 0 : (double) allocated / size);
    }

    void revoked(String listId) {
        Counter.builder("connector.status_list.revoked").description("credentials set to INVALID in this status list")
                .tag("list", listId).register(registry).increment();
    }

    private AtomicReference<Double> fill(String listId) {
        return fills.computeIfAbsent(listId, id -> {
            var value = new AtomicReference<>(0.0);
            Gauge.builder("connector.status_list.fill", value, AtomicReference::get)
                    .description("share of this status list's entries handed out").tag("list", id).register(registry);
            return value;
        });
    }
}
