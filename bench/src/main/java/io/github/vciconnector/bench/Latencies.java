package io.github.vciconnector.bench;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Response times per endpoint of one phase. Each wallet thread records into its own instance (no contention on the
 * hot path); {@link #merge} combines them afterwards. Percentiles are exact, from the sorted samples.
 */
final class Latencies {

    /** The HTTP exchanges of one complete flow, in flow order. */
    enum Endpoint {
        CREATE_OFFER("POST /offers (management)"), OFFER("GET offer"), TOKEN("POST token"), NONCE("POST nonce"),
        CREDENTIAL("POST credential"), OTHER("other");

        final String label;

        Endpoint(String label) {
            this.label = label;
        }
    }

    private final Map<Endpoint, long[]> samples = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Integer> counts = new EnumMap<>(Endpoint.class);

    void record(Endpoint endpoint, long nanos) {
        long[] values = samples.computeIfAbsent(endpoint, e -> new long[1024]);
        int count = counts.getOrDefault(endpoint, 0);
        if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
            samples.put(endpoint, values);
        }
        values[count] = nanos;
        counts.put(endpoint, count + 1);
    }

    static Latencies merge(Iterable<Latencies> parts) {
        var merged = new Latencies();
        for (Latencies part : parts) {
            part.counts.forEach((endpoint, count) -> {
                long[] values = part.samples.get(endpoint);
                for (int i = 0; i < count; i++) merged.record(endpoint, values[i]);
            });
        }
        return merged;
    }

    int count(Endpoint endpoint) {
        return counts.getOrDefault(endpoint, 0);
    }

    /** The {@code p}-th percentile in milliseconds (nearest rank), or NaN without samples. */
    double percentileMillis(Endpoint endpoint, double p) {
        int count = count(endpoint);
        if (count == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(samples.get(endpoint), count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}
