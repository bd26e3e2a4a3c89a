package io.github.vciconnector.keys;

import io.github.vciconnector.config.CoreConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;

import static io.github.vciconnector.keys.TestCertificates.leaf;
import static io.github.vciconnector.keys.TestCertificates.pem;
import static io.github.vciconnector.keys.TestCertificates.pkcs8;
import static io.github.vciconnector.keys.TestCertificates.root;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class KeysConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CoreConfiguration.class, KeysConfiguration.class)
            // The lifecycle gauges need a registry; the application gets Spring Boot's
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @TempDir
    Path dir;

    @Test
    void startWhenAllPathsConfiguredThenLoadsBothKeys() {
        var ca = root("Issuer Root");
        var signing = leaf("Issuer Signing", ca);
        var access = leaf("Issuer Access", ca);
        withCaIssuedCertificates(ca, signing, access)
                .run(context -> {
                    var keys = context.getBean(SigningKeys.class);
                    assertThat(keys.credential().chain()).containsExactly(signing.certificate());
                    assertThat(keys.access().chain()).containsExactly(access.certificate());
                });
    }

    @Test
    void startWhenNothingConfiguredInDevProfileThenGeneratesAndWarns(CapturedOutput output) {
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("dev"))
                .run(context -> {
                    assertThat(context).hasSingleBean(SigningKeys.class);
                    assertThat(output).containsOnlyOnce("must NEVER be used in production");
                });
    }

    @Test
    void startWhenNothingConfiguredInDefaultProfileThenFailsNamingAllVariables() {
        runner.run(context -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(InvalidKeyConfigurationException.class)
                .hasMessageContaining("no issuer keys configured")
                .hasMessageContaining("CONNECTOR_CERTIFICATES_SIGNING_CERT_PATH")
                .hasMessageContaining("CONNECTOR_CERTIFICATES_SIGNING_KEY_PATH")
                .hasMessageContaining("CONNECTOR_CERTIFICATES_ACCESS_CERT_PATH")
                .hasMessageContaining("CONNECTOR_CERTIFICATES_ACCESS_KEY_PATH"));
    }

    @Test
    void startWhenOnlyCertificatesConfiguredThenFailsNamingMissingKeys() {
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("dev"))
                .withPropertyValues("connector.certificates.signing.cert-path=/etc/issuer/signing.pem",
                        "connector.certificates.access.cert-path=/etc/issuer/access.pem")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(InvalidKeyConfigurationException.class)
                        .hasMessageContaining("missing CONNECTOR_CERTIFICATES_SIGNING_KEY_PATH "
                                + "(connector.certificates.signing.key-path), CONNECTOR_CERTIFICATES_ACCESS_KEY_PATH")
                        .hasMessageNotContaining("CERT_PATH"));
    }

    @Test
    void startWhenRelativePathsConfiguredThenResolvesAgainstWorkingDirectory() {
        var ca = root("Issuer Root");
        var signing = leaf("Issuer Signing", ca);
        var access = leaf("Issuer Access", ca);
        var base = Path.of("").toAbsolutePath();
        runner.withPropertyValues(
                        "connector.certificates.signing.cert-path=" + base.relativize(pem(dir, "s.pem", signing.certificate())),
                        "connector.certificates.signing.key-path=" + base.relativize(pkcs8(dir, "s.key", signing.keys().getPrivate())),
                        "connector.certificates.access.cert-path=" + base.relativize(pem(dir, "a.pem", access.certificate())),
                        "connector.certificates.access.key-path=" + base.relativize(pkcs8(dir, "a.key", access.keys().getPrivate())))
                .run(context -> assertThat(context).hasSingleBean(SigningKeys.class));
    }

    @Test
    void startWhenConfiguredFileMissingThenFailsNamingItsVariable() {
        runner.withPropertyValues("connector.certificates.signing.cert-path=missing/signing.pem",
                        "connector.certificates.signing.key-path=missing/signing.key",
                        "connector.certificates.access.cert-path=missing/access.pem",
                        "connector.certificates.access.key-path=missing/access.key")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(InvalidKeyConfigurationException.class)
                        .hasMessage("CONNECTOR_CERTIFICATES_SIGNING_CERT_PATH (connector.certificates.signing.cert-path): "
                                + "file missing/signing.pem does not exist"));
    }

    @Test
    void startWhenCertificatesSelfSignedThenStartsWarnsAndReportsInInfoAndHealth(CapturedOutput output) {
        var signing = selfSigned("My Organization Issuer");
        var access = selfSigned("My Organization Access");
        runner.withPropertyValues(
                        "connector.certificates.signing.cert-path=" + pem(dir, "s.pem", signing.certificate()),
                        "connector.certificates.signing.key-path=" + TestCertificates.sec1(dir, "s.key", signing.keys().getPrivate()),
                        "connector.certificates.access.cert-path=" + pem(dir, "a.pem", access.certificate()),
                        "connector.certificates.access.key-path=" + TestCertificates.sec1(dir, "a.key", access.keys().getPrivate()))
                .run(context -> {
                    assertThat(context.getBean(SigningKeys.class).credential().chain()).containsExactly(signing.certificate());
                    var report = context.getBean(SelfSignedCertificates.class);
                    assertThat(report.warnings()).hasSize(2);
                    assertThat(output).contains("SELF-SIGNED ISSUER CERTIFICATE: CONNECTOR_CERTIFICATES_SIGNING_CERT_PATH")
                            .contains("CONNECTOR_CERTIFICATES_ACCESS_CERT_PATH")
                            .contains("wallets that check issuers against a trust list will refuse it")
                            .contains("trust anchor left out of x5c");
                    var info = new Info.Builder();
                    report.contribute(info);
                    assertThat(info.build().getDetails()).extractingByKey("issuer_certificates").asString()
                            .contains("signing=self-signed", "access=self-signed", "trust list");
                    var health = report.health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("signing", "self-signed").containsKey("warnings");
                });
    }

    @Test
    void startWhenCertificatesCaIssuedThenNoWarningAndHealthSaysCaIssued(CapturedOutput output) {
        var ca = root("Issuer Root");
        var signing = leaf("Issuer Signing", ca);
        var access = leaf("Issuer Access", ca);
        withCaIssuedCertificates(ca, signing, access)
                .run(context -> {
                    var report = context.getBean(SelfSignedCertificates.class);
                    assertThat(report.warnings()).isEmpty();
                    assertThat(report.health().getDetails()).containsEntry("signing", "ca-issued").containsEntry("access", "ca-issued");
                    assertThat(output).doesNotContain("SELF-SIGNED");
                });
    }

    private static TestCertificates.Issued selfSigned(String cn) {
        var keys = TestCertificates.p256();
        return new TestCertificates.Issued(TestCertificates.build(cn, keys, cn, keys, TestCertificates.NOW.minusSeconds(60),
                TestCertificates.NOW.plusSeconds(86_400), true), keys);
    }

    /** Signing chain (leaf and CA) and access leaf, both issued by {@code ca}, as PEM files in {@link #dir}. */
    private ApplicationContextRunner withCaIssuedCertificates(TestCertificates.Issued ca, TestCertificates.Issued signing, TestCertificates.Issued access) {
        return runner.withPropertyValues(
                "connector.certificates.signing.cert-path=" + pem(dir, "s.pem", signing.certificate(), ca.certificate()),
                "connector.certificates.signing.key-path=" + pkcs8(dir, "s.key", signing.keys().getPrivate()),
                "connector.certificates.access.cert-path=" + pem(dir, "a.pem", access.certificate()),
                "connector.certificates.access.key-path=" + pkcs8(dir, "a.key", access.keys().getPrivate()));
    }
}
