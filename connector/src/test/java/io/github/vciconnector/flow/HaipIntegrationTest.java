package io.github.vciconnector.flow;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.demo.IssuerMetadata;
import io.github.vciconnector.demo.WalletAttestations;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletOptions;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import io.github.vciconnector.web.port.ManagementConnector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Base of the HAIP tests: the connector over TLS (EUDI-1: wallets accept only https issuers) with wallet attestation
 * and key attestation REQUIRED, trusting a test wallet-provider CA, and an EUDI-behaving demo wallet. Every subclass
 * shares one Spring context: same properties, same static PKI, same port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"connector.haip.wallet-attestation=required", "connector.haip.key-attestation=required"})
@ActiveProfiles("dev")
abstract class HaipIntegrationTest {

    static final String CLIENT_ID = "eudi-wallet-test";
    static final TestPki.Issued WALLET_PROVIDER_CA = TestPki.ca("Test Wallet Provider CA");
    static final TestPki.Issued TLS_CA = TestPki.ca("Test TLS CA");
    static final int PORT = ConnectorIntegrationTest.freePort();
    static final String ISSUER = "https://localhost:" + PORT;
    static final HttpClient HTTPS;
    private static final Path DIR;

    static {
        try {
            // The PEM files must exist before the context starts: the trust anchors are loaded once, at startup.
            DIR = Files.createTempDirectory("haip-test");
            DIR.toFile().deleteOnExit();
            TestPki.pem(DIR, "wallet-provider-ca.pem", WALLET_PROVIDER_CA.certificate());
            var server = TestPki.localhostServer(TLS_CA);
            TestPki.pem(DIR, "server.pem", server.certificate());
            TestPki.pem(DIR, "server.key", server.keys().getPrivate());
            var trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("tls-ca", TLS_CA.certificate());
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            var ssl = SSLContext.getInstance("TLS");
            ssl.init(null, factory.getTrustManagers(), null);
            HTTPS = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test PKI", e);
        }
    }

    @Autowired
    private ManagementConnector managementConnector;

    @DynamicPropertySource
    static void haipProperties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("connector.public-base-url", () -> ISSUER);
        registry.add("connector.management.port", () -> 0);
        registry.add("server.ssl.certificate", () -> "file:" + DIR.resolve("server.pem"));
        registry.add("server.ssl.certificate-private-key", () -> "file:" + DIR.resolve("server.key"));
        registry.add("connector.wallet-attestation.trust-anchors", () -> DIR.resolve("wallet-provider-ca.pem").toString());
        registry.add("connector.key-attestation.trust-anchors", () -> DIR.resolve("wallet-provider-ca.pem").toString());
    }

    /** A wallet provider issued by the trusted test CA. */
    static WalletProvider walletProvider() {
        return new WalletProvider(WALLET_PROVIDER_CA.certificate(), WALLET_PROVIDER_CA.keys().getPrivate(), Clock.systemUTC());
    }

    /**
     * An EUDI-behaving wallet (standards.md R.2): draft-07 attestation headers with client_id (EUDI-9), one jwt proof
     * with key_attestation and kid "0" (EUDI-5), one retry per DPoP nonce challenge (EUDI-9, -12), bare nonce POST.
     */
    static WalletClient eudiWallet(WalletProvider provider, WalletAttestations attestations) {
        WalletOptions options = WalletOptions.defaults().withClientId(CLIENT_ID).withClientAttestation(attestations)
                .withKeyProofs(provider.keyProofs(CLIENT_ID));
        return new WalletClient(HTTPS, options);
    }

    static WalletClient eudiWallet() {
        WalletProvider provider = walletProvider();
        return eudiWallet(provider, provider.clientAttestation(CLIENT_ID, true));
    }

    IssuerMetadata metadata() {
        return eudiWallet().fetchMetadata(ISSUER);
    }

    URI managementUri(String path) {
        return URI.create("http://localhost:" + managementConnector.localPort() + path);
    }

    /** Creates an offer through the management API; returns the 201 body. */
    Map<String, Object> createOffer(String json) throws Exception {
        var response = HTTPS.send(HttpRequest.newBuilder(managementUri("/offers")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) throw new AssertionError("offer not created: " + response.statusCode() + " " + response.body());
        return JSONObjectUtils.parse(response.body());
    }
}
