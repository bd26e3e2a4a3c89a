package io.github.vciconnector.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs certs/generate-dev-certs.sh and checks that what it writes passes the connector's own key checks. */
class DevCertificateScriptTest {

    static final Path SCRIPT = Path.of("certs", "generate-dev-certs.sh");

    @TempDir
    Path dir;

    @Test
    void runWhenOpensslAvailableThenSigningAndAccessPairsLoad() throws Exception {
        var output = run();
        var out = dir.toRealPath();

        var keys = new SigningKeys(
                load(CertificatesProperties.SIGNING, out.resolve("signing.pem"), out.resolve("signing.key")),
                load(CertificatesProperties.ACCESS, out.resolve("access.pem"), out.resolve("access.key")));

        // the files hold leaf + CA; the CA is the trust anchor and is left out of x5c (SDVC-2)
        assertThat(keys.credential().chain()).hasSize(1);
        assertThat(keys.access().chain()).hasSize(1);
        assertThat(Files.readString(out.resolve("signing.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(output)
                .contains("export CONNECTOR_CERTIFICATES_SIGNING_CERT_PATH=" + out.resolve("signing.pem"))
                .contains("export CONNECTOR_CERTIFICATES_SIGNING_KEY_PATH=" + out.resolve("signing.key"))
                .contains("export CONNECTOR_CERTIFICATES_ACCESS_CERT_PATH=" + out.resolve("access.pem"))
                .contains("export CONNECTOR_CERTIFICATES_ACCESS_KEY_PATH=" + out.resolve("access.key"))
                .contains("export CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS=" + out.resolve("wallet-provider-ca.pem"))
                .contains("export CONNECTOR_KEY_ATTESTATION_TRUST_ANCHORS=" + out.resolve("wallet-provider-ca.pem"))
                .doesNotContain("PRIVATE KEY");
    }

    @Test
    void runWhenRepeatedThenKeepsExistingKeys() throws Exception {
        run();
        var signingKey = Files.readString(dir.resolve("signing.key"));
        var walletCa = Files.readString(dir.resolve("wallet-provider-ca.pem"));

        run();

        assertThat(Files.readString(dir.resolve("signing.key"))).isEqualTo(signingKey);
        assertThat(Files.readString(dir.resolve("wallet-provider-ca.pem"))).isEqualTo(walletCa);
    }

    @Test
    void runWhenDemoWalletUsesWalletProviderCaThenAttestationChainsToTheAnchorTheConnectorLoads() throws Exception {
        run();
        var out = dir.toRealPath();
        var provider = io.github.vciconnector.demo.WalletProvider.fromPem(out.resolve("wallet-provider-ca.pem"),
                out.resolve("wallet-provider-ca.key"), Clock.systemUTC());
        var anchors = X509ChainValidator.fromPemFiles("CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS",
                java.util.List.of(out.resolve("wallet-provider-ca.pem")), java.time.Instant.now());

        // The README quick start: the same CA file feeds the connector's trust anchors and the demo wallet.
        var x5c = provider.x5c().stream().map(com.nimbusds.jose.util.Base64::new).toList();
        assertThat(anchors.validate(x5c, java.time.Instant.now()).getSubjectX500Principal().getName())
                .isEqualTo("CN=Demo Wallet Provider Attestation Signer");
    }

    private static SigningKey load(String prefix, Path cert, Path key) {
        return new PemKeyPairLoader(Clock.systemUTC()).load(prefix, cert, key);
    }

    private String run() throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not on PATH; certs/generate-dev-certs.sh cannot run here");
        var process = new ProcessBuilder("bash", SCRIPT.toString(), dir.toString()).redirectErrorStream(true).start();
        var finished = process.waitFor(60, TimeUnit.SECONDS);
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) process.destroyForcibly();
        assertThat(finished).as("script finished within 60 s").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean opensslAvailable() {
        try {
            return new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
