package io.github.vciconnector.oauth.dpop;

import io.github.vciconnector.session.SingleUseChecker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.github.vciconnector.oauth.dpop.DPoPError.INVALID_DPOP_PROOF;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.TOKEN_URI;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.assertRejected;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.harness;
import static org.assertj.core.api.Assertions.assertThat;

/** M-2 and DPOP-8 (RFC 9449 §11.1): checking a proof writes nothing; consuming it writes one fixed-size key, once. */
class DPoPProofVerifierReplayTest {

    @Test
    void checkWhenProofValidThenNothingStored() {
        var h = harness();
        String proof = h.proof().build();  // the nonce key is created here, before the count
        int before = h.store().entryCount();

        h.verifier().check(List.of(proof), "POST", TOKEN_URI, null);

        assertThat(h.store().entryCount()).isEqualTo(before);
    }

    @Test
    void consumeWhenSameProofCheckedTwiceThenAcceptedOnce() {
        var h = harness();
        String proof = h.proof().build();
        DPoPProof first = h.verifier().check(List.of(proof), "POST", TOKEN_URI, null);
        DPoPProof second = h.verifier().check(List.of(proof), "POST", TOKEN_URI, null);

        h.verifier().consume(first);
        assertRejected(() -> h.verifier().consume(second), INVALID_DPOP_PROOF, "DPoP proof replayed");
    }

    @Test
    void consumeWhenJtiShortOrLongThenOneReplayKeyOfFixedSize() {
        var h = harness();
        for (String jti : List.of("j", "j".repeat(DPoPProofClaims.MAX_JTI_LENGTH))) {
            DPoPProof proof = h.verifier().check(List.of(h.proof().claim("jti", jti).build()), "POST", TOKEN_URI, null);
            int before = h.store().entryCount();

            h.verifier().consume(proof);

            assertThat(proof.replayKey()).hasSize(22).matches("[A-Za-z0-9_-]+");
            assertThat(h.store().entryCount()).isEqualTo(before + 1);
            // The entry written is exactly the replay key: marking it again is refused
            assertThat(h.store().markUsed(SingleUseChecker.Kind.DPOP_JTI, proof.replayKey(), Duration.ofMinutes(1))).isFalse();
        }
    }
}
