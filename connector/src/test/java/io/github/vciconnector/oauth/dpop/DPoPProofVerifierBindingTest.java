package io.github.vciconnector.oauth.dpop;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static io.github.vciconnector.oauth.dpop.DPoPError.INVALID_DPOP_PROOF;
import static io.github.vciconnector.oauth.dpop.DPoPError.USE_DPOP_NONCE;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.assertRejected;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.harness;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** DPOP-3, DPOP-5, DPOP-6, DPOP-8 (RFC 9449 §4.3 items 10, 12; §8; §11.1): nonce, ath, key binding and replay. */
class DPoPProofVerifierBindingTest {

    private static final URI CREDENTIAL_URI = URI.create("https://issuer.example.com/oidc4vci/credential");
    private static final String ACCESS_TOKEN = "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU";

    @Test
    void verifyWhenNonceMissingThenUseDPoPNonce() {
        var h = harness();
        h.assertRejected(h.proof().withoutClaim("nonce").build(), USE_DPOP_NONCE, "DPoP nonce required");
    }

    @Test
    void verifyWhenNonceTwoBucketsOldThenUseDPoPNonce() {
        var h = harness();
        String oldNonce = h.nonces().current();
        h.clock().advance(Duration.ofMinutes(10));
        h.assertRejected(h.proof().nonce(oldNonce).build(), USE_DPOP_NONCE, "DPoP nonce invalid or expired");
    }

    @Test
    void verifyWhenNonceValidThenAccepted() {
        var h = harness();
        assertThat(h.verify(h.proof().build()).jkt()).isNotBlank();
    }

    @Test
    void verifyWhenNonceFromPreviousBucketThenAccepted() {
        var h = harness();
        String nonce = h.nonces().current();
        h.clock().advance(Duration.ofMinutes(5));
        assertThat(h.verify(h.proof().nonce(nonce).build()).jkt()).isNotBlank();
    }

    @Test
    void verifyWhenNonceGarbageThenUseDPoPNonce() {
        var h = harness();
        h.assertRejected(h.proof().nonce("not-a-nonce").build(), USE_DPOP_NONCE, "DPoP nonce invalid or expired");
    }

    @Test
    void verifyWhenNonceNotRequiredAndAbsentThenAccepted() {
        var h = harness(properties(false));
        assertThat(h.verify(h.proof().withoutClaim("nonce").build()).jkt()).isNotBlank();
    }

    @Test
    void verifyWhenNonceNotRequiredButInvalidThenUseDPoPNonce() {
        var h = harness(properties(false));
        h.assertRejected(h.proof().nonce("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").build(), USE_DPOP_NONCE,
                "DPoP nonce invalid or expired");
    }

    @Test
    void verifyWhenAccessTokenPresentedAndAthMissingThenRejected() {
        var h = harness();
        String proof = h.proof().claim("htu", CREDENTIAL_URI.toString()).build();
        assertRejected(() -> h.verifier().verify(List.of(proof), "POST", CREDENTIAL_URI, ACCESS_TOKEN),
                INVALID_DPOP_PROOF, "DPoP proof missing ath");
    }

    @Test
    void verifyWhenAthIsForAnotherTokenThenRejected() {
        var h = harness();
        String proof = h.proof().claim("htu", CREDENTIAL_URI.toString()).accessToken("another-token").build();
        assertRejected(() -> h.verifier().verify(List.of(proof), "POST", CREDENTIAL_URI, ACCESS_TOKEN),
                INVALID_DPOP_PROOF, "DPoP ath does not match the access token");
    }

    @Test
    void verifyWhenAthMatchesAccessTokenThenAccepted() {
        var h = harness();
        String proof = h.proof().claim("htu", CREDENTIAL_URI.toString()).accessToken(ACCESS_TOKEN).build();
        var accepted = h.verifier().verify(List.of(proof), "POST", CREDENTIAL_URI, ACCESS_TOKEN);
        assertThat(accepted.jkt()).isEqualTo(h.verify(h.proof().build()).jkt());
    }

    @Test
    void verifyWhenSameProofSentTwiceThenReplayed() {
        var h = harness();
        String proof = h.proof().build();
        h.verify(proof);
        h.assertRejected(proof, INVALID_DPOP_PROOF, "DPoP proof replayed");
    }

    @Test
    void verifyWhenAnotherKeyUsesTheSameJtiThenAccepted() {
        var h = harness();
        h.verify(h.proof().claim("jti", "shared-jti").build());
        String other = TestDPoPProofs.forRequest("POST", TestDPoPVerifiers.TOKEN_URI, TestDPoPProofs.OTHER_KEY)
                .issuedAt(h.clock().instant()).nonce(h.nonces().current()).claim("jti", "shared-jti").build();
        assertThat(h.verify(other).jkt()).isNotEqualTo(h.verify(h.proof().build()).jkt());
    }

    @Test
    void verifyWhenProofRejectedForNonceThenJtiNotBurned() {
        var h = harness();
        var builder = h.proof().claim("jti", "retry-jti");
        assertRejected(() -> h.verify(builder.withoutClaim("nonce").build()), USE_DPOP_NONCE, "DPoP nonce required");
        assertThat(h.verify(builder.nonce(h.nonces().current()).build()).jkt()).isNotBlank();
    }

    @Test
    void requireBoundToWhenThumbprintDiffersThenRejected() {
        var h = harness();
        DPoPProof proof = h.verify(h.proof().build());
        assertThatCode(() -> DPoPProofVerifier.requireBoundTo(proof, proof.jkt())).doesNotThrowAnyException();
        assertRejected(() -> DPoPProofVerifier.requireBoundTo(proof, "some-other-thumbprint"),
                INVALID_DPOP_PROOF, "DPoP key does not match the access token");
        assertRejected(() -> DPoPProofVerifier.requireBoundTo(proof, null),
                INVALID_DPOP_PROOF, "DPoP key does not match the access token");
    }
}
