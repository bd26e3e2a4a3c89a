package io.github.vciconnector.session;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The frame of every port contract (STYLE §7), run against each adapter through a {@link StoreFixture}. Times are
 * short real durations: the in-memory adapter moves a clock, Redis sleeps, because its TTLs follow its own clock.
 *
 * @param <P> the port under test
 */
public abstract class PortContract<P> {

    protected static final Duration RETENTION = StoreFixture.RETENTION;
    protected static final Duration TTL = Duration.ofMillis(400);
    /** Longer than {@link #TTL} by a margin that survives a busy machine. */
    protected static final Duration PAST_TTL = Duration.ofMillis(550);

    protected abstract StoreFixture fixture();

    protected P store() {
        return replica(0);
    }

    /** A second adapter on the same state, as another replica sees it; the same adapter when there is only one. */
    protected P otherReplica() {
        return replica(1);
    }

    @SuppressWarnings("unchecked")
    protected P replica(int caller) {
        return (P) fixture().replica(caller % 2);
    }

    protected Clock clock() {
        return fixture().clock();
    }

    protected void elapse(Duration duration) {
        fixture().elapse(duration);
    }

    protected IssuanceSession offer(Duration ttl) {
        return TestSessions.offer(clock().instant(), ttl);
    }

    protected static String unique() {
        return UUID.randomUUID().toString();
    }
}
