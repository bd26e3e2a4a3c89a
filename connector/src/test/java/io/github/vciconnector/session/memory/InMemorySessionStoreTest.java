package io.github.vciconnector.session.memory;

import io.github.vciconnector.session.AttemptCountersContract;
import io.github.vciconnector.session.IdempotencyKeysContract;
import io.github.vciconnector.session.LeasesContract;
import io.github.vciconnector.session.OfferStoreContract;
import io.github.vciconnector.session.SingleUseCheckerContract;
import io.github.vciconnector.session.StatusListStore;
import io.github.vciconnector.session.StatusListStoreContract;
import io.github.vciconnector.session.StoreFixture;
import io.github.vciconnector.support.MutableClock;
import org.junit.jupiter.api.Nested;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Every port contract on the in-memory adapter, one instance, time moved by a {@link MutableClock}. */
class InMemorySessionStoreTest implements StoreFixture {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.123456789Z"));
    private final InMemorySessionStore store = new InMemorySessionStore(clock, RETENTION);

    @Override
    public Object replica(int index) {
        return store;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void forget(String offerId) {
        store.forget(offerId);
    }

    private final InMemoryStatusListStore statusLists = new InMemoryStatusListStore(clock);

    @Nested
    class StatusLists extends StatusListStoreContract {
        @Override
        protected StatusListStore store(int replica) {
            return statusLists;
        }
    }

    @Nested
    class Offers extends OfferStoreContract {
        @Override
        protected StoreFixture fixture() {
            return InMemorySessionStoreTest.this;
        }
    }

    @Nested
    class SingleUse extends SingleUseCheckerContract {
        @Override
        protected StoreFixture fixture() {
            return InMemorySessionStoreTest.this;
        }
    }

    @Nested
    class Attempts extends AttemptCountersContract {
        @Override
        protected StoreFixture fixture() {
            return InMemorySessionStoreTest.this;
        }
    }

    @Nested
    class Lease extends LeasesContract {
        @Override
        protected StoreFixture fixture() {
            return InMemorySessionStoreTest.this;
        }
    }

    @Nested
    class Idempotency extends IdempotencyKeysContract {
        @Override
        protected StoreFixture fixture() {
            return InMemorySessionStoreTest.this;
        }
    }
}
