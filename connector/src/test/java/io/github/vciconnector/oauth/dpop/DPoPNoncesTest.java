package io.github.vciconnector.oauth.dpop;

import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.START;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.properties;
import static org.assertj.core.api.Assertions.assertThat;

/** DPOP-5, DPOP-10 (RFC 9449 §8, §9): stateless server nonces shared by every replica with one master secret. */
class DPoPNoncesTest {

    private final MutableClock clock = new MutableClock(START);
    private static final byte[] OLD_MASTER = master();
    private static final byte[] NEW_MASTER = master();
    private final ServerSecrets store = ServerSecrets.random(new SecureRandom());

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
    void isValidWhenNonceFromAnotherInstanceWithTheSameMasterSecretThenTrue() {
        var replicaA = nonces(store);
        var replicaB = nonces(store);
        assertThat(replicaB.isValid(replicaA.current())).isTrue();
        assertThat(replicaA.isValid(replicaB.current())).isTrue();
    }

    @Test
    void isValidWhenNonceFromAnInstanceWithAnotherMasterSecretThenFalse() {
        var elsewhere = nonces(ServerSecrets.random(new SecureRandom()));
        assertThat(nonces(store).isValid(elsewhere.current())).isFalse();
    }

    @Test
    void isValidWhenNonceMadeUnderThePreviousMasterSecretThenTrueDuringRotationOnly() {
        String beforeRotation = nonces(ServerSecrets.of(OLD_MASTER, null)).current();
        var rotated = nonces(ServerSecrets.of(NEW_MASTER, OLD_MASTER));
        assertThat(rotated.isValid(beforeRotation)).isTrue();
        assertThat(rotated.current()).as("new nonces use the current key").isNotEqualTo(beforeRotation);
        assertThat(nonces(ServerSecrets.of(NEW_MASTER, null)).isValid(beforeRotation)).isFalse();
    }

    @Test
    void isValidWhenPreviousKeyNonceIsTwoBucketsOldThenFalse() {
        String beforeRotation = nonces(ServerSecrets.of(OLD_MASTER, null)).current();
        clock.advance(Duration.ofMinutes(10));
        assertThat(nonces(ServerSecrets.of(NEW_MASTER, OLD_MASTER)).isValid(beforeRotation)).isFalse();
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

    private DPoPNonces nonces(ServerSecrets secrets) {
        return new DPoPNonces(secrets, clock, properties(true));
    }

    private static byte[] master() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
