package io.github.vciconnector.oauth.dpop;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.github.vciconnector.oauth.dpop.DPoPError.INVALID_DPOP_PROOF;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.TOKEN_URI;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.assertRejected;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.harness;
import static org.assertj.core.api.Assertions.assertThat;

/** DPOP-2/DPOP-3 (RFC 9449 §4.3 items 1, 2, 4-7): header count, JWT shape, typ, alg, jwk and signature. */
class DPoPProofVerifierHeaderTest {

    @Test
    void verifyWhenProofValidThenReturnsKeyAndRfc7638Thumbprint() throws Exception {
        var h = harness();
        DPoPProof proof = h.verify(h.proof().build());
        assertThat(proof.publicKey()).isEqualTo(TestDPoPProofs.KEY.toPublicJWK());
        assertThat(proof.publicKey().isPrivate()).isFalse();
        assertThat(proof.jkt()).isEqualTo(TestDPoPProofs.KEY.computeThumbprint().toString());
    }

    @Test
    void verifyWhenNoDPoPHeaderThenMissingProof() {
        var h = harness();
        assertRejected(() -> h.verifier().verify(List.of(), "POST", TOKEN_URI, null),
                INVALID_DPOP_PROOF, "missing DPoP proof");
        assertRejected(() -> h.verifier().verify(null, "POST", TOKEN_URI, null),
                INVALID_DPOP_PROOF, "missing DPoP proof");
    }

    @Test
    void verifyWhenTwoDPoPHeadersThenRejected() {
        var h = harness();
        String proof = h.proof().build();
        assertRejected(() -> h.verifier().verify(List.of(proof, proof), "POST", TOKEN_URI, null),
                INVALID_DPOP_PROOF, "more than one DPoP proof");
    }

    @Test
    void verifyWhenProofLargerThan8KbThenRejected() {
        var h = harness();
        String proof = h.proof().claim("padding", "x".repeat(DPoPProofVerifier.MAX_PROOF_LENGTH)).build();
        h.assertRejected(proof, INVALID_DPOP_PROOF, "DPoP proof too large");
    }

    @Test
    void verifyWhenNotAJwtThenRejected() {
        var h = harness();
        h.assertRejected("not-a-jwt", INVALID_DPOP_PROOF, "DPoP proof is not a signed JWT");
        h.assertRejected("eyJhbGciOiJub25lIn0.e30.", INVALID_DPOP_PROOF, "DPoP proof is not a signed JWT");
    }

    @Test
    void verifyWhenTypMissingThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().withoutHeader("typ").build(), INVALID_DPOP_PROOF, "DPoP proof typ must be dpop+jwt");
    }

    @Test
    void verifyWhenTypIsJwtThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().header("typ", "JWT").build(), INVALID_DPOP_PROOF, "DPoP proof typ must be dpop+jwt");
    }

    @Test
    void verifyWhenTypDiffersOnlyInCaseOrHasApplicationPrefixThenAccepted() {
        // RFC 7515 §4.1.9: typ is a media type, compared case-insensitively, "application/" optional
        var h = harness();
        assertThat(h.verify(h.proof().header("typ", "DPoP+JWT").build()).jkt()).isNotBlank();
        assertThat(h.verify(h.proof().header("typ", "application/dpop+jwt").build()).jkt()).isNotBlank();
    }

    @Test
    void verifyWhenHs256ThenAlgNotAllowed() {
        var h = harness();
        String proof = h.proof().hs256("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)).build();
        h.assertRejected(proof, INVALID_DPOP_PROOF, "DPoP proof alg not allowed");
    }

    @Test
    void verifyWhenAlgIsNotConfiguredThenAlgNotAllowed() {
        var h = harness();
        h.assertRejected(h.proof().header("alg", "ES384").build(), INVALID_DPOP_PROOF, "DPoP proof alg not allowed");
    }

    @Test
    void verifyWhenJwkMissingThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().withoutHeader("jwk").build(), INVALID_DPOP_PROOF, "DPoP proof missing jwk");
    }

    @Test
    void verifyWhenJwkContainsPrivateKeyThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().privateJwk().build(), INVALID_DPOP_PROOF, "DPoP jwk must not contain a private key");
    }

    @Test
    void verifyWhenJwkIsSymmetricThenRejectedAsPrivate() {
        var h = harness();
        var octJwk = Map.<String, Object>of("kty", "oct", "k", "c2VjcmV0");
        h.assertRejected(h.proof().header("jwk", octJwk).build(), INVALID_DPOP_PROOF, "DPoP jwk must not contain a private key");
    }

    @Test
    void verifyWhenJwkIsRsaThenRejected() throws Exception {
        var h = harness();
        var rsaJwk = new RSAKeyGenerator(2048).generate().toPublicJWK().toJSONObject();
        h.assertRejected(h.proof().header("jwk", rsaJwk).build(), INVALID_DPOP_PROOF, "DPoP jwk must be an EC public key");
    }

    @Test
    void verifyWhenJwkCurveDoesNotMatchAlgThenRejected() throws Exception {
        var h = harness();
        var p384Jwk = new ECKeyGenerator(Curve.P_384).generate().toPublicJWK().toJSONObject();
        h.assertRejected(h.proof().header("jwk", p384Jwk).build(), INVALID_DPOP_PROOF, "DPoP jwk curve does not match alg");
    }

    @Test
    void verifyWhenSignedByAnotherKeyThenSignatureInvalid() {
        var h = harness();
        String proof = h.proof().signedBy(TestDPoPProofs.OTHER_KEY).build();
        h.assertRejected(proof, INVALID_DPOP_PROOF, "DPoP proof signature invalid");
    }

    @Test
    void verifyWhenSignatureTamperedThenSignatureInvalid() {
        var h = harness();
        String proof = h.proof().build();
        int last = proof.length() - 5;
        String tampered = proof.substring(0, last) + (proof.charAt(last) == 'A' ? 'B' : 'A') + proof.substring(last + 1);
        h.assertRejected(tampered, INVALID_DPOP_PROOF, "DPoP proof signature invalid");
    }
}
