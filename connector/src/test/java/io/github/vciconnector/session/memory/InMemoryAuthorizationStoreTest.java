package io.github.vciconnector.session.memory;

import io.github.vciconnector.session.Authorization;
import io.github.vciconnector.session.AuthorizationStore;
import io.github.vciconnector.session.AuthorizationStoreContract;
import io.github.vciconnector.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link AuthorizationStore} contract on the in-memory adapter, plus its retention on the injected clock. */
class InMemoryAuthorizationStoreTest extends AuthorizationStoreContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final InMemoryAuthorizationStore store = new InMemoryAuthorizationStore(clock);

    @Override
    protected AuthorizationStore replica(int index) {
        return store;
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Test
    void findWhenRetentionPassedThenGoneAndDroppedOnTheNextCreate() {
        Authorization record = pushed(newId(), null);
        store.create(record);
        clock.advance(Duration.ofSeconds(60).plus(Authorization.RETENTION));

        assertThat(store.findById(record.authorizationId())).isEmpty();
        store.create(pushed(newId(), null));
        assertThat(store.size()).isEqualTo(1);
    }
}
