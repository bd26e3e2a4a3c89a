package io.github.vciconnector.flow;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.demo.ClientAttestationProvider;
import io.github.vciconnector.demo.JwtKeyProofs;
import io.github.vciconnector.demo.KeyProofProvider;
import io.github.vciconnector.demo.WalletAttestations;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletException;
import io.github.vciconnector.demo.WalletOptions;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.keys.TestStatusLists;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import io.github.vciconnector.support.TestConnectors;
import io.github.vciconnector.support.TestOffers;
import io.github.vciconnector.web.port.ManagementConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13: wallet and key attestations that carry a Token Status List reference, checked by a running connector
 * against a real HTTPS server serving a list signed under the wallet provider's CA (its TLS CA trusted through a
 * Spring Boot SSL bundle, CONNECTOR_ATTESTATION_STATUS_SSL_BUNDLE). Entry 5 is revoked, entry 4 valid.
 */
class AttestationRevocationTest {

    private static final TestPki.Issued PROVIDER_CA = TestPki.ca("Revocation Wallet Provider CA");
    private static final TestPki.Issued LIST_SIGNER = TestPki.leaf("Revocation Status List Signer", PROVIDER_CA,
            Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    private static final String CLIENT_ID = "revocation-wallet";
    private static final int VALID = 4;
    private static final int REVOKED = 5;
    private static WireMockServer lists;
    private static ConfigurableApplicationContext connector;
    private static String listUri;
    private static int port;

    private final WalletProvider provider = new WalletProvider(PROVIDER_CA.certificate(), PROVIDER_CA.keys().getPrivate(), Clock.systemUTC());
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        lists = TestStatusLists.httpsServer();
        listUri = "https://localhost:" + lists.httpsPort() + "/status/wallets";
        lists.stubFor(get(urlPathEqualTo("/status/wallets")).willReturn(aResponse().withStatus(200)
                .withBody(TestStatusLists.token(LIST_SIGNER, listUri, 16, Map.of(REVOKED, 1), Duration.ofMinutes(5)).build())));
        Path dir = Files.createTempDirectory("revocation-test");
        dir.toFile().deleteOnExit();
        Path anchors = TestPki.pem(dir, "provider-ca.pem", PROVIDER_CA.certificate());
        Path tlsCa = TestPki.pem(dir, "tls-ca.pem", TestStatusLists.TLS_CA.certificate());
        port = ConnectorIntegrationTest.freePort();
        var settings = new HashMap<String, Object>();
        settings.put("server.port", port);
        settings.put("connector.public-base-url", "http://localhost:" + port);
        settings.put("connector.management.port", 0);
        settings.put("connector.haip.wallet-attestation", "required");
        settings.put("connector.haip.key-attestation", "required");
        settings.put("connector.wallet-attestation.trust-anchors", anchors);
        settings.put("connector.key-attestation.trust-anchors", anchors);
        settings.put("spring.ssl.bundle.pem.status-lists.truststore.certificate", "file:" + tlsCa);
        settings.put("connector.attestation-status.ssl-bundle", "status-lists");
        connector = TestConnectors.withArguments(settings, "dev");
    }

    @AfterAll
    static void stop() {
        if (connector != null) connector.close();
        if (lists != null) lists.stop();
    }

    @Test
    void issuanceWhenWalletAttestationEntryValidThenCredentialIssued() throws Exception {
        assertThat(wallet(walletAttestation(VALID), provider.keyProofs(CLIENT_ID)).receive(offer(), null, 1).credentials()).hasSize(1);
    }

    @Test
    void tokenWhenWalletAttestationRevokedThenInvalidClient() {
        assertThatThrownBy(() -> wallet(walletAttestation(REVOKED), provider.keyProofs(CLIENT_ID)).receive(offer(), null, 1))
                .isInstanceOf(WalletException.class).hasMessageContaining("invalid_client").hasMessageContaining("client attestation is revoked");
    }

    @Test
    void credentialWhenKeyAttestationRevokedThenInvalidProof() {
        KeyProofProvider revokedKeys = (holderKeys, cNonce, audience) -> {
            String keyAttestation = provider.keyAttestation(holderKeys, cNonce).claim("status", reference(REVOKED)).build();
            ECKey signer = holderKeys.get(0);
            String proof = JwtKeyProofs.builder(signer, audience, cNonce, CLIENT_ID, Instant.now())
                    .header("jwk", null).header("kid", "0").header("key_attestation", keyAttestation).build();
            return Map.of("jwt", List.of(proof));
        };

        assertThatThrownBy(() -> wallet(walletAttestation(VALID), revokedKeys).receive(offer(), null, 1))
                .isInstanceOf(WalletException.class).hasMessageContaining("invalid_proof").hasMessageContaining("key attestation is revoked");
    }

    /** A draft-07 wallet attestation whose status names {@code index} of the list, with a fresh PoP per request. */
    private ClientAttestationProvider walletAttestation(int index) {
        ECKey instanceKey = WalletClient.generateKey();
        var pops = new WalletAttestations(provider, CLIENT_ID, instanceKey, true, Clock.systemUTC());
        String attestation = provider.walletAttestation(CLIENT_ID, instanceKey).claim("status", reference(index)).build();
        return issuer -> Map.of(WalletAttestations.ATTESTATION_HEADER, attestation, WalletAttestations.POP_HEADER, pops.pop(issuer).build());
    }

    private static Map<String, Object> reference(int index) {
        return Map.of("status_list", Map.of("idx", index, "uri", listUri));
    }

    private WalletClient wallet(ClientAttestationProvider attestation, KeyProofProvider keyProofs) {
        return new WalletClient(http, WalletOptions.defaults().withClientId(CLIENT_ID).withClientAttestation(attestation).withKeyProofs(keyProofs));
    }

    private String offer() throws Exception {
        int management = connector.getBean(ManagementConnector.class).localPort();
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management + "/offers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TestOffers.ERIKA)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return (String) JSONObjectUtils.parse(response.body()).get("credential_offer_uri");
    }
}
