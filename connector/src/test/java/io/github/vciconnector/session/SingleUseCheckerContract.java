package io.github.vciconnector.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.vciconnector.session.SingleUseChecker.Kind.C_NONCE;
import static io.github.vciconnector.session.SingleUseChecker.Kind.DPOP_JTI;
import static org.assertj.core.api.Assertions.assertThat;

/** What every adapter's {@link SingleUseChecker} must do: one first use per value and kind, across replicas. */
public abstract class SingleUseCheckerContract extends PortContract<SingleUseChecker> {

    @Test
    void markUsedWhenSeenBeforeThenFalseUntilTtlPassed() {
        String jti = unique();
        assertThat(store().markUsed(DPOP_JTI, jti, TTL)).isTrue();
        assertThat(store().markUsed(DPOP_JTI, jti, TTL)).isFalse();
        assertThat(store().markUsed(C_NONCE, jti, TTL)).as("kinds are separate").isTrue();
        elapse(PAST_TTL);
        assertThat(store().markUsed(DPOP_JTI, jti, TTL)).isTrue();
    }

    @Test
    void markUsedWhen20CallersRaceThenExactlyOneWins() {
        String jti = unique();
        var results = Race.run(20, i -> replica(i).markUsed(DPOP_JTI, jti, Duration.ofMinutes(1)));
        assertThat(results).containsOnlyOnce(true);
    }
}
