package io.github.vciconnector.keys;

import io.github.vciconnector.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: days left on the signing and access certificates and on every anchor, as gauges, WARN lines and health. */
@ExtendWith(OutputCaptureExtension.class)
class CertificateLifecycleTest {

    private static final TestPki.Issued ANCHOR = TestPki.ca("Lifecycle Wallet Provider CA");

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    // Development certificates live 30 days from now
    private final SigningKeys keys = new DevelopmentKeys(clock, new SecureRandom()).generate();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TrustAnchorRefresher refresher = new TrustAnchorRefresher(Duration.ofMinutes(1));

    @Test
    void gaugesWhenCheckedThenDaysLeftOnSigningAccessAndEachAnchor(@TempDir Path dir) {
        refresher.watch(new TrustAnchorFiles("CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS (x)", List.of(TestPki.pem(dir, "a.pem", ANCHOR.certificate())), clock));
        var lifecycle = lifecycle(Duration.ofDays(5));

        lifecycle.check();

        assertThat(registry.get("connector.certificate.days.left").tag("certificate", "signing").gauge().value()).isBetween(29.9, 30.0);
        assertThat(registry.get("connector.certificate.days.left").tag("certificate", "access").gauge().value()).isBetween(29.9, 30.0);
        double anchorDays = Duration.between(clock.instant(), ANCHOR.certificate().getNotAfter().toInstant()).getSeconds() / 86400.0;
        assertThat(registry.get("connector.trust.anchor.days.left").tag("setting", "CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS")
                .tag("subject", ANCHOR.certificate().getSubjectX500Principal().getName()).gauge().value()).isCloseTo(anchorDays, org.assertj.core.data.Offset.offset(0.01));
        assertThat(lifecycle.health().getStatus()).isEqualTo(Status.UP);
        assertThat(lifecycle.health().getDetails()).doesNotContainKey("expiring");
    }

    @Test
    void checkWhenUnderTheThresholdThenOneWarnADayAndAHealthDetail(CapturedOutput output) {
        var lifecycle = lifecycle(Duration.ofDays(30));

        lifecycle.check();
        lifecycle.check();

        assertThat(output.getOut().split("CERTIFICATE EXPIRING: signing certificate", -1)).hasSize(2);
        assertThat(output.getOut()).contains("CERTIFICATE EXPIRING: access certificate");
        assertThat(lifecycle.health().getDetails().get("expiring").toString()).contains("signing certificate").contains("access certificate");

        clock.advance(Duration.ofDays(1));
        lifecycle.check();
        assertThat(output.getOut().split("CERTIFICATE EXPIRING: signing certificate", -1)).hasSize(3);
    }

    @Test
    void healthWhenSigningCertificateEndedThenDown() {
        var lifecycle = lifecycle(Duration.ofDays(30));
        clock.advance(Duration.ofDays(31));

        assertThat(lifecycle.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(registry.get("connector.certificate.days.left").tag("certificate", "signing").gauge().value()).isNegative();
    }

    private CertificateLifecycle lifecycle(Duration warnBefore) {
        return new CertificateLifecycle(keys, refresher, registry, clock, new CertificateLifecycleProperties(warnBefore));
    }
}
