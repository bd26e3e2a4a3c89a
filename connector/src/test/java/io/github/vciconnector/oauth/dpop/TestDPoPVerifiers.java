package io.github.vciconnector.oauth.dpop;

import io.github.vciconnector.support.MutableClock;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.memory.InMemorySessionStore;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A verifier wired to the real in-memory store, real nonces and a clock the test controls. */
final class TestDPoPVerifiers {

    static final URI TOKEN_URI = URI.create("https://issuer.example.com/oidc4vci/token");
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private TestDPoPVerifiers() {
    }

    record Harness(MutableClock clock, InMemorySessionStore store, DPoPNonces nonces, DPoPProofVerifier verifier) {

        /** A valid token-endpoint proof for now, carrying a current nonce. */
        TestDPoPProofs.Builder proof() {
            return TestDPoPProofs.forRequest("POST", TOKEN_URI, TestDPoPProofs.KEY)
                    .issuedAt(clock.instant()).nonce(nonces.current());
        }

        DPoPProof verify(String proof) {
            return verifier.verify(List.of(proof), "POST", TOKEN_URI, null);
        }

        void assertRejected(String proof, DPoPError error, String description) {
            TestDPoPVerifiers.assertRejected(() -> verify(proof), error, description);
        }
    }

    /** Asserts the exact wire error and description, and that the description is a legal error_description. */
    static void assertRejected(ThrowingCallable call, DPoPError error, String description) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DPoPProofException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e).hasMessage(description);
            // RFC 6749 §5.2: %x20-21 / %x23-5B / %x5D-7E
            assertThat(description).matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+");
        });
    }

    static DPoPProperties properties(boolean nonceRequired) {
        return new DPoPProperties(nonceRequired, Duration.ofMinutes(5), Duration.ofSeconds(60),
                Duration.ofSeconds(15), Set.of("ES256"));
    }

    /** Defaults as configured out of the box: nonces required. */
    static Harness harness() {
        return harness(properties(true));
    }

    static Harness harness(DPoPProperties properties) {
        var clock = new MutableClock(START);
        var store = new InMemorySessionStore(clock, Duration.ofMinutes(10));
        var nonces = new DPoPNonces(ServerSecrets.random(new SecureRandom()), clock, properties);
        return new Harness(clock, store, nonces, new DPoPProofVerifier(store, nonces, clock, properties));
    }
}
