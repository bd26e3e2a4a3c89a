package io.github.vciconnector.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.github.vciconnector.session.AttemptCounters.Kind.TX_CODE;
import static org.assertj.core.api.Assertions.assertThat;

/** What every adapter's {@link AttemptCounters} must do: count from one within the first TTL, no count lost. */
public abstract class AttemptCountersContract extends PortContract<AttemptCounters> {

    @Test
    void incrementWhenRepeatedThenCountsFromOneWithinTheFirstTtl() {
        String key = unique();
        Duration ttl = Duration.ofMillis(700);
        assertThat(store().increment(TX_CODE, key, ttl)).isEqualTo(1);
        elapse(Duration.ofMillis(400));
        assertThat(store().increment(TX_CODE, key, ttl)).as("the TTL is not extended").isEqualTo(2);
        elapse(Duration.ofMillis(450));
        assertThat(store().increment(TX_CODE, key, ttl)).isEqualTo(1);
    }

    @Test
    void incrementWhen20CallersRaceThenEveryCountSeenOnce() {
        String key = unique();
        var results = Race.run(20, i -> {
            var counts = new ArrayList<Long>();
            for (int n = 0; n < 5; n++) counts.add(replica(i).increment(TX_CODE, key, Duration.ofMinutes(1)));
            return counts;
        });
        var all = results.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(100).doesNotHaveDuplicates().allMatch(n -> n >= 1 && n <= 100);
    }
}
