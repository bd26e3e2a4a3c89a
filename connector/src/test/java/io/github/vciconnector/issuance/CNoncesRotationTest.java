package io.github.vciconnector.issuance;

import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.memory.InMemorySessionStore;
import io.github.vciconnector.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A c_nonce issued just before a master secret rotation is still good during the grace period, and only then. */
class CNoncesRotationTest {

    private static final byte[] OLD = random();
    private static final byte[] NEW = random();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore(clock, Duration.ofHours(1));
    private final IssuanceProperties properties = new IssuanceProperties(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofSeconds(15), 10, null);

    @Test
    void consumeWhenIssuedUnderPreviousMasterSecretThenAcceptedOnceDuringRotation() {
        String nonce = nonces(OLD, null).issue();
        var rotated = nonces(NEW, OLD);
        assertThat(rotated.consume(nonce)).isTrue();
        assertThat(rotated.consume(nonce)).as("still single use").isFalse();
    }

    @Test
    void consumeWhenIssuedUnderPreviousMasterSecretAndItWasRemovedThenRefused() {
        String nonce = nonces(OLD, null).issue();
        assertThat(nonces(NEW, null).consume(nonce)).isFalse();
    }

    private CNonces nonces(byte[] current, byte[] previous) {
        return new CNonces(store, ServerSecrets.of(current, previous), new SecureRandom(), clock, properties);
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
