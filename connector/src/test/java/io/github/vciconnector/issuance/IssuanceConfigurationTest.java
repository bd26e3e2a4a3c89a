package io.github.vciconnector.issuance;

import io.github.vciconnector.config.HaipProperties;
import io.github.vciconnector.issuance.keyattestation.KeyAttestationProperties;
import io.github.vciconnector.keys.AttestationStatus;
import io.github.vciconnector.keys.AttestationStatusProperties;
import io.github.vciconnector.keys.TrustAnchorRefresher;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN §7a: HAIP-strict by default, so a connector without key-attestation trust anchors refuses to start. */
class IssuanceConfigurationTest {

    private static final TrustAnchorRefresher REFRESHER = new TrustAnchorRefresher(Duration.ofMinutes(1));

    @Test
    void keyAttestationVerifierWhenRequiredAndNoTrustAnchorsThenRefusesNamingTheVariable() {
        assertThatThrownBy(() -> new IssuanceConfiguration().keyAttestationVerifier(haip(HaipProperties.Requirement.REQUIRED),
                properties(List.of()), Clock.systemUTC(), REFRESHER,
                new AttestationStatus(AttestationStatusProperties.defaults(), Clock.systemUTC())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("CONNECTOR_KEY_ATTESTATION_TRUST_ANCHORS (connector.key-attestation.trust-anchors) is not set");
    }

    @Test
    void keyAttestationVerifierWhenTrustAnchorFileMissingThenRefusesNamingTheVariable() {
        assertThatThrownBy(() -> new IssuanceConfiguration().keyAttestationVerifier(haip(HaipProperties.Requirement.REQUIRED),
                properties(List.of(Path.of("/nonexistent/ka.pem"))), Clock.systemUTC(), REFRESHER,
                new AttestationStatus(AttestationStatusProperties.defaults(), Clock.systemUTC())))
                .hasMessageStartingWith("CONNECTOR_KEY_ATTESTATION_TRUST_ANCHORS");
    }

    @Test
    void keyAttestationVerifierWhenOptionalAndNoTrustAnchorsThenStarts() {
        assertThatCode(() -> new IssuanceConfiguration().keyAttestationVerifier(haip(HaipProperties.Requirement.OPTIONAL),
                properties(List.of()), Clock.systemUTC(), REFRESHER,
                new AttestationStatus(AttestationStatusProperties.defaults(), Clock.systemUTC()))).doesNotThrowAnyException();
    }

    private static HaipProperties haip(HaipProperties.Requirement keyAttestation) {
        return new HaipProperties(HaipProperties.Requirement.REQUIRED, keyAttestation);
    }

    private static KeyAttestationProperties properties(List<Path> anchors) {
        return new KeyAttestationProperties(anchors, Duration.ofSeconds(15));
    }
}
