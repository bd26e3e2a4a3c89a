package io.github.vciconnector.session;

import java.time.Clock;
import java.time.Duration;

/**
 * One store adapter under test, as the port contracts see it: the adapter implements every port, so
 * {@link #replica} returns it for whichever port a contract checks. Races alternate between replica 0 and 1, two
 * adapters sharing one state (the same adapter when there is only one instance).
 */
public interface StoreFixture {

    /** The retention every adapter under test is built with. */
    Duration RETENTION = Duration.ofMillis(600);

    Object replica(int index);

    Clock clock();

    /** Lets {@code duration} pass for the store: the in-memory adapter moves a clock, Redis sleeps. */
    void elapse(Duration duration);

    /** Makes the session disappear as its retention passing would, without waiting for it. */
    void forget(String offerId);
}
