package io.github.vciconnector.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** What every adapter's {@link IdempotencyKeys} must do: the first value stays until its TTL passed. */
public abstract class IdempotencyKeysContract extends PortContract<IdempotencyKeys> {

    @Test
    void putIfAbsentWhenPresentThenExistingValueUntilTtlPassed() {
        String key = unique();
        assertThat(store().putIfAbsent(key, "offer-1", TTL)).isNull();
        assertThat(store().putIfAbsent(key, "offer-2", TTL)).isEqualTo("offer-1");
        elapse(PAST_TTL);
        assertThat(store().putIfAbsent(key, "offer-3", TTL)).isNull();
        assertThat(store().putIfAbsent(key, "offer-4", TTL)).isEqualTo("offer-3");
    }

    @Test
    void putIfAbsentWhen20CallersRaceThenOneStores() {
        String key = unique();
        var results = Race.run(20, i -> replica(i).putIfAbsent(key, "offer-" + i, Duration.ofMinutes(1)));
        assertThat(results).containsOnlyOnce((String) null);
        String stored = "offer-" + results.indexOf(null);
        assertThat(results).filteredOn(Objects::nonNull).containsOnly(stored);
    }
}
