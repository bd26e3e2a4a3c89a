package io.github.vciconnector.flow;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletException;
import io.github.vciconnector.demo.WalletOptions;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.keys.TrustAnchorRefresher;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import io.github.vciconnector.support.TestConnectors;
import io.github.vciconnector.support.TestOffers;
import io.github.vciconnector.web.port.ManagementConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DESIGN §11, issue 13: the wallet-provider root rotates on disk while the connector runs (as the EU wallet-attestation
 * CA did in July 2026). Within the refresh interval the new root is trusted and the removed one refused, no restart.
 */
class TrustAnchorRotationTest {

    private static final TestPki.Issued OLD_ROOT = TestPki.ca("Rotation Wallet Provider CA 2025");
    private static final TestPki.Issued NEW_ROOT = TestPki.ca("Rotation Wallet Provider CA 2026");
    private static final String CLIENT_ID = "rotation-wallet";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void issuanceWhenRootRotatedOnDiskThenNewRootTrustedAndRemovedRootRefusedWithoutRestart(@TempDir Path dir) throws Exception {
        Path walletAnchors = Files.createDirectories(dir.resolve("wallet-providers"));
        Path keyAnchors = Files.createDirectories(dir.resolve("key-attestation-issuers"));
        TestPki.pem(walletAnchors, "root-2025.pem", OLD_ROOT.certificate());
        TestPki.pem(keyAnchors, "root-2025.pem", OLD_ROOT.certificate());
        int port = ConnectorIntegrationTest.freePort();
        try (ConfigurableApplicationContext connector = TestConnectors.withArguments(Map.of(
                "server.port", port, "connector.public-base-url", "http://localhost:" + port, "connector.management.port", 0,
                "connector.haip.wallet-attestation", "required", "connector.haip.key-attestation", "required",
                "connector.wallet-attestation.trust-anchors", walletAnchors, "connector.key-attestation.trust-anchors", keyAnchors,
                "connector.trust-anchors.refresh-interval", "200ms"), "dev")) {
            assertThat(issue(connector, OLD_ROOT)).isEqualTo(1);
            assertThatThrownBy(() -> issue(connector, NEW_ROOT)).isInstanceOf(WalletException.class).hasMessageContaining("invalid_client");

            // The operator's rotation: the new root added, the old one removed, nothing restarted.
            TestPki.pem(walletAnchors, "root-2026.pem", NEW_ROOT.certificate());
            TestPki.pem(keyAnchors, "root-2026.pem", NEW_ROOT.certificate());
            Files.delete(walletAnchors.resolve("root-2025.pem"));
            Files.delete(keyAnchors.resolve("root-2025.pem"));
            awaitReloads(connector.getBean(TrustAnchorRefresher.class));

            assertThat(issue(connector, NEW_ROOT)).isEqualTo(1);
            assertThatThrownBy(() -> issue(connector, OLD_ROOT)).isInstanceOf(WalletException.class)
                    .hasMessageContaining("invalid_client").hasMessageContaining("not from a trusted wallet provider");
        }
    }

    /** Runs an issuance with a wallet of the provider under {@code root}; returns the number of credentials. */
    private int issue(ConfigurableApplicationContext connector, TestPki.Issued root) throws Exception {
        var provider = new WalletProvider(root.certificate(), root.keys().getPrivate(), Clock.systemUTC());
        var options = WalletOptions.defaults().withClientId(CLIENT_ID).withClientAttestation(provider.clientAttestation(CLIENT_ID, true))
                .withKeyProofs(provider.keyProofs(CLIENT_ID));
        int management = connector.getBean(ManagementConnector.class).localPort();
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management + "/offers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TestOffers.ERIKA)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String offerUri = (String) JSONObjectUtils.parse(response.body()).get("credential_offer_uri");
        return new WalletClient(http, options).receive(offerUri, null, 1).credentials().size();
    }

    /** Both settings reloaded: each now holds exactly the new root. */
    private static void awaitReloads(TrustAnchorRefresher refresher) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (refresher.watched().size() == 2 && refresher.watched().stream()
                    .allMatch(files -> files.validator().anchors().equals(java.util.List.of(NEW_ROOT.certificate())))) return;
            Thread.sleep(50);
        }
        throw new AssertionError("trust anchors not reloaded within 10 s: " + refresher.health().getDetails());
    }
}
