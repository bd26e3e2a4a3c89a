package io.github.vciconnector.keys;

import com.nimbusds.jose.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PKIX validation of x5c chains for wallet and key attestations (ABCA-8, VCI-KA-1). */
class X509ChainValidatorTest {

    static final Instant NOW = Instant.now();
    static final TestPki.Issued CA = TestPki.ca("Wallet Provider CA");
    static final TestPki.Issued LEAF = TestPki.leaf("Attestation Signer", CA, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
    final X509ChainValidator validator = new X509ChainValidator(List.of(CA.certificate()));

    @Test
    void validateWhenLeafIssuedByAnchorThenReturnsLeaf() {
        assertThat(validator.validate(x5c(LEAF.certificate()), NOW)).isEqualTo(LEAF.certificate());
    }

    @Test
    void validateWhenAnchorTrailsTheChainThenIgnoredAndAccepted() {
        assertThat(validator.validate(x5c(LEAF.certificate(), CA.certificate()), NOW)).isEqualTo(LEAF.certificate());
    }

    @Test
    void validateWhenChainSeenBeforeThenSameLeafFromTheCache() {
        X509Certificate first = validator.validate(x5c(LEAF.certificate()), NOW);

        assertThat(validator.validate(x5c(LEAF.certificate()), NOW.plusSeconds(1))).isSameAs(first);
    }

    @Test
    void validateWhenCachedChainHasExpiredSinceThenRefused() {
        validator.validate(x5c(LEAF.certificate()), NOW);

        assertRefused(x5c(LEAF.certificate()), NOW.plus(Duration.ofDays(2)),
                "x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    @Test
    void validateWhenCachedChainIsNotYetValidAtThatTimeThenRefused() {
        validator.validate(x5c(LEAF.certificate()), NOW);

        assertRefused(x5c(LEAF.certificate()), NOW.minus(Duration.ofHours(2)),
                "x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    @Test
    void validateWhenOnlyTheAnchorThenRefused() {
        assertRefused(x5c(CA.certificate()), NOW, "x5c holds only a trust anchor");
    }

    @Test
    void validateWhenIssuedByOtherCaThenRefused() {
        var other = TestPki.leaf("Other", TestPki.ca("Other CA"), NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
        assertRefused(x5c(other.certificate()), NOW, "x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    @Test
    void validateWhenLeafExpiredThenRefused() {
        assertRefused(x5c(LEAF.certificate()), NOW.plus(Duration.ofDays(2)),
                "x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    @Test
    void validateWhenLeafSelfSignedThenRefused() {
        var selfSigned = TestPki.ca("Self");
        assertRefused(x5c(selfSigned.certificate()), NOW, "x5c leaf certificate is self-signed");
    }

    @Test
    void validateWhenX5cMissingThenRefused() {
        assertRefused(null, NOW, "x5c is missing");
    }

    @Test
    void validateWhenNoAnchorConfiguredThenRefused() {
        assertThatThrownBy(() -> new X509ChainValidator(List.of()).validate(x5c(LEAF.certificate()), NOW))
                .hasMessage("no trust anchor is configured");
    }

    @Test
    void fromPemFilesWhenFileMissingThenMessageNamesVariable(@TempDir Path dir) {
        assertThatThrownBy(() -> X509ChainValidator.fromPemFiles("CONNECTOR_X_TRUST_ANCHORS", List.of(dir.resolve("none.pem")), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CONNECTOR_X_TRUST_ANCHORS: file ").hasMessageEndingWith("does not exist or is not readable");
    }

    @Test
    void fromPemFilesWhenSeveralFilesThenAllAnchorsLoaded(@TempDir Path dir) {
        var other = TestPki.ca("Second Provider CA");
        var validator = X509ChainValidator.fromPemFiles("V", List.of(TestPki.pem(dir, "a.pem", CA.certificate()),
                TestPki.pem(dir, "b.pem", other.certificate())), NOW);
        assertThat(validator.anchors()).containsExactly(CA.certificate(), other.certificate());
    }

    private void assertRefused(List<Base64> x5c, Instant at, String message) {
        assertThatThrownBy(() -> validator.validate(x5c, at)).isInstanceOf(X509ChainValidator.InvalidChainException.class)
                .hasMessage(message);
    }

    static List<Base64> x5c(X509Certificate... certificates) {
        return Arrays.stream(certificates).map(c -> {
            try {
                return Base64.encode(c.getEncoded());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
