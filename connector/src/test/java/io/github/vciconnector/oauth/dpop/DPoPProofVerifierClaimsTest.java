package io.github.vciconnector.oauth.dpop;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static io.github.vciconnector.oauth.dpop.DPoPError.INVALID_DPOP_PROOF;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.TOKEN_URI;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.assertRejected;
import static io.github.vciconnector.oauth.dpop.TestDPoPVerifiers.harness;
import static org.assertj.core.api.Assertions.assertThat;

/** DPOP-2/DPOP-3 (RFC 9449 §4.3 items 3, 8, 9, 11): required claims, htm, htu and the iat window. */
class DPoPProofVerifierClaimsTest {

    @Test
    void verifyWhenJtiMissingThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().withoutClaim("jti").build(), INVALID_DPOP_PROOF, "DPoP proof missing jti");
    }

    @Test
    void verifyWhenJtiBlankThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().claim("jti", " ").build(), INVALID_DPOP_PROOF, "DPoP proof missing jti");
    }

    @Test
    void verifyWhenJtiLongerThan256ThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().claim("jti", "j".repeat(257)).build(), INVALID_DPOP_PROOF, "DPoP proof jti too long");
    }

    @Test
    void verifyWhenHtmMissingThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().withoutClaim("htm").build(), INVALID_DPOP_PROOF, "DPoP proof missing htm");
    }

    @Test
    void verifyWhenHtuMissingThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().withoutClaim("htu").build(), INVALID_DPOP_PROOF, "DPoP proof missing htu");
    }

    @Test
    void verifyWhenIatMissingThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().withoutClaim("iat").build(), INVALID_DPOP_PROOF, "DPoP proof missing iat");
    }

    @Test
    void verifyWhenIatIsAStringThenClaimsMalformed() {
        var h = harness();
        h.assertRejected(h.proof().claim("iat", "now").build(), INVALID_DPOP_PROOF, "DPoP proof claims malformed");
    }

    @Test
    void verifyWhenHtmIsANumberThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().claim("htm", 1).build(), INVALID_DPOP_PROOF, "DPoP proof htm must be a string");
    }

    @Test
    void verifyWhenHtmIsAnotherMethodThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().claim("htm", "GET").build(), INVALID_DPOP_PROOF,
                "DPoP htm does not match the request method");
    }

    @Test
    void verifyWhenHtmDiffersInCaseThenRejected() {
        // RFC 9110 §9.1: method names are case-sensitive
        var h = harness();
        h.assertRejected(h.proof().claim("htm", "post").build(), INVALID_DPOP_PROOF,
                "DPoP htm does not match the request method");
    }

    @Test
    void verifyWhenHtuIsAnotherEndpointThenRejected() {
        var h = harness();
        String proof = h.proof().claim("htu", "https://issuer.example.com/oidc4vci/credential").build();
        h.assertRejected(proof, INVALID_DPOP_PROOF, "DPoP htu does not match the request URI");
    }

    @Test
    void verifyWhenHtuIsAnotherHostThenRejected() {
        var h = harness();
        String proof = h.proof().claim("htu", "https://attacker.example/oidc4vci/token").build();
        h.assertRejected(proof, INVALID_DPOP_PROOF, "DPoP htu does not match the request URI");
    }

    @Test
    void verifyWhenHtuNotAnAbsoluteUriThenRejected() {
        var h = harness();
        h.assertRejected(h.proof().claim("htu", "/oidc4vci/token").build(), INVALID_DPOP_PROOF,
                "DPoP htu does not match the request URI");
        h.assertRejected(h.proof().claim("htu", "https://bad host/").build(), INVALID_DPOP_PROOF,
                "DPoP htu does not match the request URI");
    }

    @Test
    void verifyWhenHtuHasQueryAndFragmentAndBaseMatchesThenAccepted() {
        var h = harness();
        String proof = h.proof().claim("htu", TOKEN_URI + "?a=b#frag").build();
        assertThat(h.verify(proof).jkt()).isNotBlank();
    }

    @Test
    void verifyWhenHtuDiffersOnlyBySyntaxNormalizationThenAccepted() {
        // RFC 3986 §6.2.2-6.2.3: scheme/host case, default port, percent-encoded unreserved characters
        var h = harness();
        String proof = h.proof().claim("htu", "HTTPS://Issuer.Example.COM:443/oidc4vci/%74oken").build();
        assertThat(h.verify(proof).jkt()).isNotBlank();
    }

    @Test
    void verifyWhenExpectedHtuHasEmptyPathThenSlashMatches() {
        var h = harness();
        String proof = h.proof().claim("htu", "https://issuer.example.com/").build();
        var accepted = h.verifier().verify(List.of(proof), "POST", URI.create("https://issuer.example.com"), null);
        assertThat(accepted.jkt()).isNotBlank();
    }

    @Test
    void verifyWhenIatOneHourAgoThenRejected() {
        var h = harness();
        String proof = h.proof().issuedAt(h.clock().instant().minus(Duration.ofHours(1))).build();
        h.assertRejected(proof, INVALID_DPOP_PROOF, "DPoP proof iat too old");
    }

    @Test
    void verifyWhenIatOneHourAheadThenRejected() {
        var h = harness();
        String proof = h.proof().issuedAt(h.clock().instant().plus(Duration.ofHours(1))).build();
        h.assertRejected(proof, INVALID_DPOP_PROOF, "DPoP proof iat in the future");
    }

    @Test
    void verifyWhenIatTenSecondsAgoThenAccepted() {
        var h = harness();
        String proof = h.proof().issuedAt(h.clock().instant().minusSeconds(10)).build();
        assertThat(h.verify(proof).jkt()).isNotBlank();
    }

    @Test
    void verifyWhenIatTenSecondsAheadThenAccepted() {
        var h = harness();
        String proof = h.proof().issuedAt(h.clock().instant().plusSeconds(10)).build();
        assertThat(h.verify(proof).jkt()).isNotBlank();
    }

    @Test
    void verifyWhenProofOlderThanMaxAgeThenRejected() {
        var h = harness();
        String proof = h.proof().build();
        h.clock().advance(Duration.ofSeconds(61));
        assertRejected(() -> h.verify(proof), INVALID_DPOP_PROOF, "DPoP proof iat too old");
    }
}
