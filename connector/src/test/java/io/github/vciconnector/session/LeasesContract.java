package io.github.vciconnector.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.vciconnector.session.Leases.Kind.CALLBACK_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;

/** What every adapter's {@link Leases} must do: one holder at a time, released only by its owner. */
public abstract class LeasesContract extends PortContract<Leases> {

    @Test
    void acquireWhenHeldThenEmptyUntilReleasedByOwner() {
        String offerId = unique();
        var lease = store().acquire(CALLBACK_DELIVERY, offerId, Duration.ofMinutes(1)).orElseThrow();
        assertThat(otherReplica().acquire(CALLBACK_DELIVERY, offerId, Duration.ofMinutes(1))).isEmpty();
        otherReplica().release(lease);
        assertThat(store().acquire(CALLBACK_DELIVERY, offerId, Duration.ofMinutes(1))).isPresent();
    }

    @Test
    void releaseWhenLeaseExpiredAndTakenByAnotherThenTheOtherKeepsIt() {
        String offerId = unique();
        var stale = store().acquire(CALLBACK_DELIVERY, offerId, TTL).orElseThrow();
        elapse(PAST_TTL);
        var current = otherReplica().acquire(CALLBACK_DELIVERY, offerId, Duration.ofMinutes(1)).orElseThrow();
        assertThat(current.ownerToken()).isNotEqualTo(stale.ownerToken());

        store().release(stale);

        assertThat(store().acquire(CALLBACK_DELIVERY, offerId, Duration.ofMinutes(1))).as("still held by the other").isEmpty();
        otherReplica().release(current);
        assertThat(store().acquire(CALLBACK_DELIVERY, offerId, Duration.ofMinutes(1))).isPresent();
    }

    @Test
    void releaseWhenForgedTokenThenLeaseKept() {
        String offerId = unique();
        var lease = store().acquire(CALLBACK_DELIVERY, offerId, Duration.ofMinutes(1)).orElseThrow();
        store().release(new Leases.Lease(CALLBACK_DELIVERY, offerId, "1"));
        assertThat(otherReplica().acquire(CALLBACK_DELIVERY, offerId, Duration.ofMinutes(1))).isEmpty();
        store().release(lease);
    }

    @Test
    void acquireWhenResourcesDifferThenBothHeld() {
        assertThat(store().acquire(CALLBACK_DELIVERY, unique(), Duration.ofMinutes(1))).isPresent();
        assertThat(otherReplica().acquire(CALLBACK_DELIVERY, unique(), Duration.ofMinutes(1))).isPresent();
    }

    @Test
    void acquireWhen20CallersRaceThenExactlyOneHolds() {
        String offerId = unique();
        var results = Race.run(20, i -> replica(i).acquire(CALLBACK_DELIVERY, offerId, Duration.ofMinutes(1)).isPresent());
        assertThat(results).containsOnlyOnce(true);
    }
}
