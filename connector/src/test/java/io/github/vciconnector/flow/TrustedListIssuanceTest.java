package io.github.vciconnector.flow;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletException;
import io.github.vciconnector.demo.WalletOptions;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.keys.TestTrustedLists;
import io.github.vciconnector.keys.TrustedListSource;
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
import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DESIGN §11: a connector whose only wallet-provider trust is the signed trusted list (file form): a wallet of a
 * listed provider gets its credential, one of an unlisted provider gets invalid_client; a tampered list on refresh
 * leaves the listed provider trusted.
 */
class TrustedListIssuanceTest {

    private static final TestPki.Issued OPERATOR = TestPki.ca("Issuance LoTE Scheme Operator");
    private static final TestPki.Issued LISTED = TestPki.ca("Issuance Listed Wallet Provider CA");
    private static final TestPki.Issued UNLISTED = TestPki.ca("Issuance Unlisted Wallet Provider CA");
    private static final String CLIENT_ID = "listed-wallet";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void issuanceWhenProviderListedThenIssuedAndWhenUnlistedThenInvalidClient(@TempDir Path dir) throws Exception {
        Path list = Files.writeString(dir.resolve("lote.jwt"),
                TestTrustedLists.list(OPERATOR, Instant.now().plus(Duration.ofDays(1)), LISTED.certificate()).build());
        var settings = new HashMap<String, Object>();
        int port = ConnectorIntegrationTest.freePort();
        settings.put("server.port", port);
        settings.put("connector.public-base-url", "http://localhost:" + port);
        settings.put("connector.management.port", 0);
        settings.put("connector.haip.wallet-attestation", "required");
        settings.put("connector.haip.key-attestation", "required");
        settings.put("connector.wallet-provider-trust-list.file", list);
        settings.put("connector.wallet-provider-trust-list.signer", TestPki.pem(dir, "operator.pem", OPERATOR.certificate()));
        settings.put("connector.key-attestation.trust-anchors", TestPki.pem(dir, "ka.pem", LISTED.certificate(), UNLISTED.certificate()));
        try (ConfigurableApplicationContext connector = TestConnectors.withArguments(settings, "dev")) {
            assertThat(issue(connector, LISTED)).isEqualTo(1);
            assertThatThrownBy(() -> issue(connector, UNLISTED)).isInstanceOf(WalletException.class)
                    .hasMessageContaining("invalid_client").hasMessageContaining("not from a trusted wallet provider");

            // A refresh that finds a copy signed by someone else keeps the last good list
            Files.writeString(list, TestTrustedLists.list(UNLISTED, Instant.now().plus(Duration.ofDays(1)), UNLISTED.certificate()).build());
            assertThat(connector.getBean(TrustedListSource.class).refresh()).isFalse();
            assertThat(issue(connector, LISTED)).isEqualTo(1);
        }
    }

    private int issue(ConfigurableApplicationContext connector, TestPki.Issued root) throws Exception {
        var provider = new WalletProvider(root.certificate(), root.keys().getPrivate(), Clock.systemUTC());
        var options = WalletOptions.defaults().withClientId(CLIENT_ID).withClientAttestation(provider.clientAttestation(CLIENT_ID, true))
                .withKeyProofs(provider.keyProofs(CLIENT_ID));
        int management = connector.getBean(ManagementConnector.class).localPort();
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management + "/offers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TestOffers.ERIKA)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new WalletClient(http, options).receive((String) JSONObjectUtils.parse(response.body()).get("credential_offer_uri"), null, 1)
                .credentials().size();
    }
}
