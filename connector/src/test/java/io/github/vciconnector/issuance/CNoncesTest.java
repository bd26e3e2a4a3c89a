package io.github.vciconnector.issuance;

import io.github.vciconnector.session.Race;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.memory.InMemorySessionStore;
import io.github.vciconnector.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * c_nonce values of the Nonce Endpoint (OID4VCI 1.0 §7): stateless until used, then single use across callers
 * (VCI-NONCE-5), bounded by their lifetime and by a MAC only this connector can make. Rotation of the master secret
 * is covered by {@link CNoncesRotationTest}.
 */
class CNoncesTest {

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore(clock, Duration.ofHours(1));
    private final ServerSecrets secrets = ServerSecrets.random(new SecureRandom());
    private final CNonces nonces = nonces(secrets);

    @Test
    void issueWhenCalledThenNothingIsStoredAndEachNonceIsNew() {
        int entries = store.entryCount();

        String first = nonces.issue();
        String second = nonces.issue();

        assertThat(store.entryCount()).as("the unauthenticated endpoint stores nothing").isEqualTo(entries);
        assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]{54}"); // 8 + 16 + 16 bytes, base64url, unpadded
    }

    @Test
    void consumeWhenIssuedHereThenAcceptedExactlyOnce() {
        String nonce = nonces.issue();

        assertThat(nonces.consume(nonce)).isTrue();
        assertThat(nonces.consume(nonce)).as("VCI-NONCE-5: single use").isFalse();
    }

    @Test
    void consumeWhenTwoNoncesAreIssuedThenEachIsAcceptedOnItsOwn() {
        String first = nonces.issue();
        String second = nonces.issue();

        assertThat(nonces.consume(second)).isTrue();
        assertThat(nonces.consume(first)).isTrue();
    }

    @Test
    void consumeWhenManyCallersRaceForOneNonceThenExactlyOneWins() {
        String nonce = nonces.issue();

        List<Boolean> results = Race.run(8, i -> nonces.consume(nonce));

        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    void consumeWhenJustBeforeExpiryThenAccepted() {
        String nonce = nonces.issue();
        clock.advance(LIFETIME.minusMillis(1));

        assertThat(nonces.consume(nonce)).isTrue();
    }

    @Test
    void consumeWhenLifetimeHasPassedThenRefusedAndNothingIsStored() {
        String nonce = nonces.issue();
        clock.advance(LIFETIME);
        int entries = store.entryCount();

        assertThat(nonces.consume(nonce)).isFalse();
        assertThat(store.entryCount()).isEqualTo(entries);
    }

    @Test
    void consumeWhenMacIsTamperedThenRefusedAndNothingIsStored() {
        byte[] bytes = Base64.getUrlDecoder().decode(nonces.issue());
        bytes[bytes.length - 1] ^= 0x01;
        int entries = store.entryCount();

        assertThat(nonces.consume(encode(bytes))).isFalse();
        assertThat(store.entryCount()).isEqualTo(entries);
    }

    @Test
    void consumeWhenExpiryIsExtendedThenRefusedBecauseTheMacCoversIt() {
        byte[] bytes = Base64.getUrlDecoder().decode(nonces.issue());
        bytes[0] = 0x7f; // an expiry far in the future

        assertThat(nonces.consume(encode(bytes))).isFalse();
    }

    @Test
    void consumeWhenRandomPartIsChangedThenRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(nonces.issue());
        bytes[8] ^= 0x01;

        assertThat(nonces.consume(encode(bytes))).isFalse();
    }

    @Test
    void consumeWhenIssuedByAnotherConnectorThenRefused() {
        String foreign = nonces(ServerSecrets.random(new SecureRandom())).issue();

        assertThat(nonces.consume(foreign)).isFalse();
    }

    @Test
    void consumeWhenNotBase64urlOrOfAnotherLengthThenRefused() {
        String nonce = nonces.issue();

        assertThat(nonces.consume("not base64!")).isFalse();
        assertThat(nonces.consume("")).isFalse();
        assertThat(nonces.consume(nonce.substring(1))).isFalse();
        assertThat(nonces.consume(nonce + "AA")).isFalse();
        assertThat(nonces.consume(nonce)).as("the genuine one is still unused").isTrue();
    }

    private CNonces nonces(ServerSecrets serverSecrets) {
        return new CNonces(store, serverSecrets, new SecureRandom(), clock,
                new IssuanceProperties(LIFETIME, Duration.ofMinutes(5), Duration.ofSeconds(15), 10, null));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
