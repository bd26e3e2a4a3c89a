package io.github.vciconnector.keys;

import io.github.vciconnector.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN §11: trust-anchor files and directories, read again on refresh; a broken set never replaces a good one. */
class TrustAnchorFilesTest {

    private static final TestPki.Issued FIRST = TestPki.ca("Files First Provider CA");
    private static final TestPki.Issued SECOND = TestPki.ca("Files Second Provider CA");
    private static final TestPki.Issued LEAF = TestPki.leaf("Files Attestation Signer", FIRST,
            Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @Test
    void loadWhenDirectoryThenEveryCertificateFileIsAnAnchorAndOthersIgnored(@TempDir Path dir) throws Exception {
        TestPki.pem(dir, "a.pem", FIRST.certificate());
        TestPki.pem(dir, "b.crt", SECOND.certificate());
        Files.writeString(dir.resolve("README.txt"), "not a certificate");
        Files.createDirectories(dir.resolve("..2026_07_01"));
        TestPki.pem(dir, ".hidden.pem", LEAF.certificate());

        var files = new TrustAnchorFiles("V", List.of(dir), clock);

        assertThat(files.validator().anchors()).containsExactly(FIRST.certificate(), SECOND.certificate());
    }

    @Test
    void refreshWhenUnchangedThenNothingReplaced(@TempDir Path dir) {
        var files = new TrustAnchorFiles("V", List.of(TestPki.pem(dir, "a.pem", FIRST.certificate())), clock);

        assertThat(files.refresh()).isFalse();
        assertThat(files.status().failing()).isFalse();
    }

    @Test
    void refreshWhenRootReplacedThenChainUnderRemovedRootRefusedAtOnce(@TempDir Path dir) throws Exception {
        TestPki.pem(dir, "root.pem", FIRST.certificate());
        var files = new TrustAnchorFiles("V", List.of(dir), clock);
        var validator = files.validator();
        assertThat(validator.validate(X509ChainValidatorTest.x5c(LEAF.certificate()), clock.instant())).isEqualTo(LEAF.certificate());

        TestPki.pem(dir, "root.pem", SECOND.certificate());

        assertThat(files.refresh()).isTrue();
        assertThat(validator.anchors()).containsExactly(SECOND.certificate());
        // The chain validated before is not remembered across sets
        assertThatThrownBy(() -> validator.validate(X509ChainValidatorTest.x5c(LEAF.certificate()), clock.instant()))
                .isInstanceOf(X509ChainValidator.InvalidChainException.class);
    }

    @Test
    void refreshWhenFileBrokenThenLastGoodSetStaysAndStatusSaysWhy(@TempDir Path dir) throws Exception {
        Path root = TestPki.pem(dir, "root.pem", FIRST.certificate());
        var files = new TrustAnchorFiles("CONNECTOR_X_TRUST_ANCHORS", List.of(dir), clock);

        Files.writeString(root, "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");
        clock.advance(Duration.ofSeconds(30));

        assertThat(files.refresh()).isFalse();
        assertThat(files.validator().anchors()).containsExactly(FIRST.certificate());
        assertThat(files.status().failing()).isTrue();
        assertThat(files.status().failure()).startsWith("CONNECTOR_X_TRUST_ANCHORS: file ").endsWith("is not a valid PEM certificate file");
        assertThat(files.status().failedAt()).isEqualTo(clock.instant());

        TestPki.pem(dir, "root.pem", SECOND.certificate());
        assertThat(files.refresh()).isTrue();
        assertThat(files.status().failing()).isFalse();
        assertThat(files.validator().anchors()).containsExactly(SECOND.certificate());
    }

    @Test
    void refreshWhenDirectoryEmptiedThenLastGoodSetStays(@TempDir Path dir) throws Exception {
        Path root = TestPki.pem(dir, "root.pem", FIRST.certificate());
        var files = new TrustAnchorFiles("V", List.of(dir), clock);

        Files.delete(root);

        assertThat(files.refresh()).isFalse();
        assertThat(files.validator().anchors()).containsExactly(FIRST.certificate());
        assertThat(files.status().failure()).endsWith("holds no .pem, .crt or .cer file");
    }

    @Test
    void loadWhenDirectoryHoldsAnExpiredRootThenStartupRefusedNamingTheSetting(@TempDir Path dir) {
        TestPki.pem(dir, "old.pem", TestPki.leaf("Expired Root", FIRST, Instant.now().minus(Duration.ofDays(10)),
                Instant.now().minus(Duration.ofDays(1))).certificate());

        assertThatThrownBy(() -> new TrustAnchorFiles("CONNECTOR_X_TRUST_ANCHORS", List.of(dir), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("CONNECTOR_X_TRUST_ANCHORS: certificate ")
                .hasMessageEndingWith("has expired");
    }

    @Test
    void refresherWhenScheduledThenPicksUpAChangeWithoutBeingAsked(@TempDir Path dir) throws Exception {
        TestPki.pem(dir, "root.pem", FIRST.certificate());
        try (var refresher = new TrustAnchorRefresher(Duration.ofMillis(100))) {
            var files = refresher.watch(new TrustAnchorFiles("V", List.of(dir), clock));
            TestPki.pem(dir, "second.pem", SECOND.certificate());

            Instant deadline = Instant.now().plusSeconds(5);
            while (files.validator().anchors().size() < 2 && Instant.now().isBefore(deadline)) Thread.sleep(20);

            assertThat(files.validator().anchors()).containsExactly(FIRST.certificate(), SECOND.certificate());
            assertThat(refresher.health().getDetails()).containsKey("V");
        }
    }
}
