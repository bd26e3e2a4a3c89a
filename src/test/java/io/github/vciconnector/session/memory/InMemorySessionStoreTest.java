package io.github.vciconnector.session.memory;

import io.github.vciconnector.support.MutableClock;
import io.github.vciconnector.session.SessionStore;
import io.github.vciconnector.session.SessionStoreContract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The {@link SessionStoreContract} on the in-memory store, time moved by a {@link MutableClock}. */
class InMemorySessionStoreTest extends SessionStoreContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.123456789Z"));
    private final InMemorySessionStore store = new InMemorySessionStore(clock, RETENTION);

    @Override
    protected SessionStore store() {
        return store;
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }
}
