package io.github.vciconnector.config;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.IssuanceResult;
import io.github.vciconnector.demo.SdJwtView;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletException;
import io.github.vciconnector.demo.WalletOptions;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import io.github.vciconnector.support.TestConnectors;
import io.github.vciconnector.web.port.ManagementConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue 10, done when: the connector starts from the product guide's exact files and variables (self-signed
 * certificates and SEC1 keys made by the guide's openssl commands, Type Metadata with {@code lang}, the three
 * configuration variables and no {@code _ID}), takes the guide's offer, and a HAIP wallet receives the credential.
 * README section "Coming from the guide" runs the same steps by hand.
 */
class GuideTest {

    static final String GUIDE_OFFER = """
            {"credential_configuration_id": "IdentityCredential", "claims": {"given_name": "Erika", "family_name": "Mustermann"}}""";
    static final String GUIDE_TYPE_METADATA = "type-metadata/guide-identity-credential.json";

    @TempDir
    static Path dir;
    static final WireMockServer CALLBACKS = new WireMockServer(options().dynamicPort());
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static ConfigurableApplicationContext connector;
    static String issuer;
    static Path certs;
    static Path walletProviderCerts;

    @BeforeAll
    static void startAsTheGuideSaysWithTheWalletProviderTrusted() throws Exception {
        assumeThat(new ProcessBuilder("which", "openssl").start().waitFor()).as("openssl is needed to create certificates").isZero();
        certs = Files.createDirectories(dir.resolve("certs"));
        for (String name : List.of("signing", "access")) {
            // The guide's two commands, verbatim but for the output directory.
            run("openssl", "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", certs.resolve(name + "-key.pem").toString());
            run("openssl", "req", "-new", "-x509", "-key", certs.resolve(name + "-key.pem").toString(), "-out",
                    certs.resolve(name + "-cert.pem").toString(), "-days", "365", "-subj",
                    "/CN=My Organization " + ("signing".equals(name) ? "Issuer" : "Access") + "/O=My Organization/C=DE");
        }
        walletProviderCerts = dir.resolve("out");
        run("certs/generate-dev-certs.sh", walletProviderCerts.toString());
        CALLBACKS.start();
        CALLBACKS.stubFor(post("/callbacks").willReturn(aResponse().withStatus(204)));

        int publicPort = ConnectorIntegrationTest.freePort();
        issuer = "http://localhost:" + publicPort;
        var env = new HashMap<String, Object>();
        env.put("SERVER_PORT", Integer.toString(publicPort));
        env.put("CONNECTOR_MANAGEMENT_PORT", "0");
        env.put("CONNECTOR_PUBLIC_BASE_URL", issuer);
        env.put("CONNECTOR_CERTIFICATES_SIGNING_CERT_PATH", certs.resolve("signing-cert.pem").toString());
        env.put("CONNECTOR_CERTIFICATES_SIGNING_KEY_PATH", certs.resolve("signing-key.pem").toString());
        env.put("CONNECTOR_CERTIFICATES_ACCESS_CERT_PATH", certs.resolve("access-cert.pem").toString());
        env.put("CONNECTOR_CERTIFICATES_ACCESS_KEY_PATH", certs.resolve("access-key.pem").toString());
        env.put("CONNECTOR_CALLBACK_URL", CALLBACKS.baseUrl() + "/callbacks");
        env.put("CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS", walletProviderCerts.resolve("wallet-provider-ca.pem").toString());
        env.put("CONNECTOR_KEY_ATTESTATION_TRUST_ANCHORS", walletProviderCerts.resolve("wallet-provider-ca.pem").toString());
        env.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_VCT_SOURCE", "local");
        env.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_VCT_FILEPATH", GUIDE_TYPE_METADATA);
        env.put("CONNECTOR_CREDENTIAL_CONFIGURATIONS_IDENTITYCREDENTIAL_SCOPE", "identity_credential");
        connector = TestConnectors.withEnvironment(env);
    }

    @AfterAll
    static void stop() {
        if (connector != null) connector.close();
        CALLBACKS.stop();
    }

    @Test
    void filesWhenMadeAsTheGuideSaysThenSec1KeysAndTheGuidesTypeMetadata() throws Exception {
        assertThat(Files.readString(certs.resolve("signing-key.pem"))).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(JSONObjectUtils.parse(Files.readString(Path.of(GUIDE_TYPE_METADATA))).toString()).contains("lang=en-US");
    }

    @Test
    void metadataWhenGuideConfiguredThenListsIdentityCredentialWithLocaleDisplay() throws Exception {
        Map<String, Object> metadata = JSONObjectUtils.parse(get(issuer + "/.well-known/openid-credential-issuer").body());

        Map<String, Object> supported = JSONObjectUtils.getJSONObject(metadata, "credential_configurations_supported");
        assertThat(supported).containsOnlyKeys("IdentityCredential");
        var configuration = JSONObjectUtils.getJSONObject(supported, "IdentityCredential");
        assertThat(configuration).containsEntry("scope", "identity_credential")
                .containsEntry("vct", "https://issuer.example.com/oidc4vci/types/IdentityCredential");
        assertThat(JSONObjectUtils.toJSONString(JSONObjectUtils.getJSONObject(configuration, "credential_metadata")))
                .contains("\"locale\":\"en-US\"").doesNotContain("\"lang\"");
    }

    @Test
    void typeMetadataWhenServedThenLocaleSpellingAndExactlyTheBytesTheConnectorHashes() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/oidc4vci/types/IdentityCredential")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        byte[] known = connector.getBean(CredentialConfigurations.class).find("IdentityCredential").orElseThrow().typeMetadata().document();
        assertThat(response.body()).isEqualTo(known);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"locale\":\"en-US\"").doesNotContain("\"lang\"");
    }

    @Test
    void offerWhenGuideBodyThenGuideResponseAndWalletReceivesTheCredentialSignedUnderTheSelfSignedCertificate() throws Exception {
        var created = createOffer(GUIDE_OFFER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Map<String, Object> offer = JSONObjectUtils.parse(created.body());
        String offerId = (String) offer.get("offer_id");
        assertThat(offer).containsOnlyKeys("offer_id", "credential_offer_uri", "expires_at");
        assertThat(created.headers().firstValue("Location")).hasValue("/offers/" + offerId);
        String link = (String) offer.get("credential_offer_uri");
        assertThat(link).startsWith("openid-credential-offer://?credential_offer_uri=");
        String offerUrl = URLDecoder.decode(link.substring(link.indexOf('=') + 1), StandardCharsets.UTF_8);
        assertThat(JSONObjectUtils.parse(get(offerUrl).body()).get("credential_configuration_ids")).isEqualTo(List.of("IdentityCredential"));

        WalletClient wallet = wallet();
        IssuanceResult result = wallet.receive(link, null, 1);

        SdJwtView credential = SdJwtView.verify(result.credentials().get(0));
        assertThat(credential.disclosedClaims()).containsEntry("given_name", "Erika").containsEntry("family_name", "Mustermann");
        assertThat(credential.payload()).containsEntry("iss", issuer)
                .containsEntry("vct", "https://issuer.example.com/oidc4vci/types/IdentityCredential");
        // x5c is the guide's self-signed certificate, alone: there is no chain to send.
        assertThat(credential.certificateChain()).containsExactly(certificate(certs.resolve("signing-cert.pem")));
        assertThat(callbackStatuses(offerId, 2)).containsExactly("OFFER_CREATED", "ISSUED");

        var failure = Map.of("notification_id", result.notificationId(), "event", "credential_failure");
        URI notification = URI.create(issuer + "/oidc4vci/notification");
        String proof = DPoPProofs.buildDPoPProof("POST", notification, result.dpopKey(), result.accessToken(),
                wallet.http().latestDPoPNonce());
        var notified = wallet.http().postJson(notification, failure, Map.of("Authorization", "DPoP " + result.accessToken(), "DPoP", proof));
        assertThat(notified.status()).isEqualTo(204);
        // Issue 17 L-7: once credentials are out, a wallet's report does not turn the offer FAILED.
        assertThat(callbackStatuses(offerId, 3, Duration.ofSeconds(2))).containsExactly("OFFER_CREATED", "ISSUED");
    }

    @Test
    void offerWhenGuideBodyWithTxCodeAndFiveWrongCodesThenFailedCallback() throws Exception {
        var created = createOffer(GUIDE_OFFER.replace("}}", "}, \"tx_code\": {\"input_mode\": \"numeric\", \"length\": 6}}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Map<String, Object> offer = JSONObjectUtils.parse(created.body());
        String offerId = (String) offer.get("offer_id");
        String wrong = "000000".equals(offer.get("tx_code")) ? "111111" : "000000";

        for (int attempt = 0; attempt < 5; attempt++) {
            String link = (String) offer.get("credential_offer_uri");
            assertThatThrownBy(() -> wallet().receive(link, wrong, 1)).isInstanceOf(WalletException.class);
        }

        assertThat(callbackStatuses(offerId, 2)).containsExactly("OFFER_CREATED", "FAILED");
    }

    @Test
    void offerWhenGuideBodyLeftAloneThenExpiredCallback() throws Exception {
        var created = createOffer(GUIDE_OFFER.replace("}}", "}, \"expires_in\": 1}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        assertThat(callbackStatuses((String) JSONObjectUtils.parse(created.body()).get("offer_id"), 2))
                .containsExactly("OFFER_CREATED", "EXPIRED");
    }

    @Test
    void infoWhenCertificatesSelfSignedThenListedWithWhatItMeans() throws Exception {
        int managementPort = connector.getBean(ManagementConnector.class).localPort();
        var info = get("http://localhost:" + managementPort + "/actuator/info");

        assertThat(info.body()).contains("\"issuer_certificates\"", "\"signing\":\"self-signed\"", "\"access\":\"self-signed\"",
                "wallets that check issuers against a trust list will refuse it");
    }

    private static WalletClient wallet() throws Exception {
        var provider = WalletProvider.fromPem(walletProviderCerts.resolve("wallet-provider-ca.pem"),
                walletProviderCerts.resolve("wallet-provider-ca.key"), Clock.systemUTC());
        return new WalletClient(HTTP, WalletOptions.defaults()
                .withClientAttestation(provider.clientAttestation(WalletOptions.DEFAULT_CLIENT_ID, true))
                .withKeyProofs(provider.keyProofs(WalletOptions.DEFAULT_CLIENT_ID)));
    }

    private static HttpResponse<String> createOffer(String body) throws Exception {
        int managementPort = connector.getBean(ManagementConnector.class).localPort();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/offers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Statuses of the callbacks received for one offer, in arrival order, once at least {@code count} arrived. */
    private static List<Object> callbackStatuses(String offerId, int count) throws Exception {
        return callbackStatuses(offerId, count, Duration.ofSeconds(10));
    }

    private static List<Object> callbackStatuses(String offerId, int count, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            var statuses = new ArrayList<Object>();
            for (LoggedRequest request : CALLBACKS.findAll(postRequestedFor(urlEqualTo("/callbacks")))) {
                Map<String, Object> event = JSONObjectUtils.parse(request.getBodyAsString());
                if (offerId.equals(event.get("offerId")) && !statuses.contains(event.get("status"))) statuses.add(event.get("status"));
            }
            if (statuses.size() >= count || System.nanoTime() > deadline) return statuses;
            Thread.sleep(100);
        }
    }

    private static java.security.cert.X509Certificate certificate(Path pem) throws Exception {
        return (java.security.cert.X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
