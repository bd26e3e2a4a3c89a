package io.github.vciconnector.demo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class DemoWalletTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void runWhenIssuanceSucceedsThenPrintsDecodedCredentialsAndExitsZero() throws Exception {
        try (TestIssuer issuer = new TestIssuer(true)) {
            int status = run(issuer.offerLink(), "--tx-code", "123456", "--batch", "2");

            assertThat(status).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("-> POST token", "=== credential 2 of 2", "\"typ\": \"dc+sd-jwt\"",
                            "\"given_name\": \"Erika\"", "cnf.jwk matches holder key 2: yes",
                            "notification_id: notif-1");
        }
    }

    @Test
    void runWhenIssuanceFailsThenPrintsErrorAndExitsOne() throws Exception {
        try (TestIssuer issuer = new TestIssuer(true)) {
            int status = run(issuer.offerLink());

            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: the offer requires a tx_code");
        }
    }

    @Test
    void runWhenNoOfferThenUsageAndExitsTwo() {
        assertThat(run("--batch", "2")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: DemoWallet");
    }

    @Test
    void runWhenWalletProviderCertWithoutKeyThenUsageAndExitsTwo() {
        assertThat(run("openid-credential-offer://?credential_offer_uri=x", "--wallet-provider-cert", "ca.pem")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--wallet-provider-cert and --wallet-provider-key go together");
    }

    @Test
    void sslContextWhenPemCertificateThenBuildsTrustingContext() throws Exception {
        Path pem = Files.createTempFile("ca", ".pem");
        try {
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder().encodeToString(TestSdJwts.ISSUER_CERTIFICATE.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");

            assertThat(DemoWallet.sslContext(pem).getProtocol()).isEqualTo("TLS");
        } finally {
            Files.delete(pem);
        }
    }

    private int run(String... args) {
        return DemoWallet.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
