package io.github.vciconnector.oauth.dpop;

import io.github.vciconnector.support.MutableClock;
import io.github.vciconnector.session.memory.InMemorySessionStore;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.START;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.properties;
import static org.assertj.core.api.Assertions.assertThat;

/** DPOP-5, DPOP-10 (RFC 9449 §8, §9): stateless server nonces shared by every replica of one store. */
class DPoPNoncesTest {

    private final MutableClock clock = new MutableClock(START);
    private final InMemorySessionStore store = new InMemorySessionStore(clock, Duration.ofMinutes(10));

    @Test
    void isValidWhenNonceJustIssuedThenTrue() {
        var nonces = nonces(store);
        assertThat(nonces.isValid(nonces.current())).isTrue();
    }

    @Test
    void currentWhenCalledThenPrintableNqcharOf32Chars() {
        // RFC 9449 §8.1: nonce = 1*NQCHAR; base64url is a subset
        assertThat(nonces(store).current()).matches("[A-Za-z0-9_-]{32}");
    }

    @Test
    void isValidWhenNonceFromAnotherInstanceSharingTheStoreThenTrue() {
        var replicaA = nonces(store);
        var replicaB = nonces(store);
        assertThat(replicaB.isValid(replicaA.current())).isTrue();
        assertThat(replicaA.isValid(replicaB.current())).isTrue();
    }

    @Test
    void isValidWhenNonceFromAnInstanceWithAnotherStoreThenFalse() {
        var elsewhere = nonces(new InMemorySessionStore(clock, Duration.ofMinutes(10)));
        assertThat(nonces(store).isValid(elsewhere.current())).isFalse();
    }

    @Test
    void currentWhenFirstUsedThenStores32ByteKeyOnce() {
        var nonces = nonces(store);
        nonces.current();
        String stored = store.getOrCreate("dpop", "nonce-key", "unused-candidate");
        assertThat(Base64.getUrlDecoder().decode(stored)).hasSize(32);
        assertThat(nonces(store).isValid(nonces.current())).isTrue();
    }

    @Test
    void isValidWhenNonceTamperedThenFalse() {
        var nonces = nonces(store);
        byte[] bytes = Base64.getUrlDecoder().decode(nonces.current());
        bytes[bytes.length - 1] ^= 1;
        assertThat(nonces.isValid(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isFalse();
    }

    @Test
    void isValidWhenBucketNumberChangedThenFalse() {
        // A wallet cannot extend a nonce by rewriting its bucket: the MAC covers it
        var nonces = nonces(store);
        clock.advance(Duration.ofMinutes(5));
        byte[] bytes = Base64.getUrlDecoder().decode(nonces.current());
        bytes[7] ^= 1;
        assertThat(nonces.isValid(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isFalse();
    }

    @Test
    void isValidWhenOneBucketOldThenTrue() {
        var nonces = nonces(store);
        String nonce = nonces.current();
        clock.advance(Duration.ofMinutes(9));
        assertThat(nonces.isValid(nonce)).isTrue();
        assertThat(nonces.current()).isNotEqualTo(nonce);
    }

    @Test
    void isValidWhenTwoBucketsOldThenFalse() {
        var nonces = nonces(store);
        String nonce = nonces.current();
        clock.advance(Duration.ofMinutes(10));
        assertThat(nonces.isValid(nonce)).isFalse();
    }

    @Test
    void isValidWhenNonceFromTheFutureThenFalse() {
        var nonces = nonces(store);
        clock.advance(Duration.ofMinutes(5));
        String next = nonces.current();
        clock.advance(Duration.ofMinutes(-5));
        assertThat(nonces.isValid(next)).isFalse();
    }

    @Test
    void isValidWhenMalformedThenFalseWithoutException() {
        var nonces = nonces(store);
        assertThat(nonces.isValid(null)).isFalse();
        assertThat(nonces.isValid("")).isFalse();
        assertThat(nonces.isValid("short")).isFalse();
        assertThat(nonces.isValid("!".repeat(32))).isFalse();
        assertThat(nonces.isValid("A".repeat(30) + "==")).isFalse();
        assertThat(nonces.isValid(nonces.current() + "A")).isFalse();
    }

    private DPoPNonces nonces(InMemorySessionStore sessionStore) {
        return new DPoPNonces(sessionStore, clock, new SecureRandom(), properties(true));
    }
}
