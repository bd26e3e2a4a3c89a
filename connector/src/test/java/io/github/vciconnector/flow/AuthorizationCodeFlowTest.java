package io.github.vciconnector.flow;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.demo.AuthorizationCodeFlow;
import io.github.vciconnector.demo.AuthorizationCodeFlow.PushedRequest;
import io.github.vciconnector.demo.CredentialOffer;
import io.github.vciconnector.demo.DemoWallet;
import io.github.vciconnector.demo.HttpResult;
import io.github.vciconnector.demo.IssuanceResult;
import io.github.vciconnector.demo.IssuerMetadata;
import io.github.vciconnector.demo.SdJwtView;
import io.github.vciconnector.demo.TokenResponse;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletException;
import io.github.vciconnector.demo.WalletOptions;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import io.github.vciconnector.support.TestConnectors;
import io.github.vciconnector.support.TestOffers;
import io.github.vciconnector.web.port.ManagementConnector;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpServer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The authorization code flow end to end (DESIGN §10, checklist Q.1, issue 14): a connector of its own over TLS with
 * HAIP checks required, the demo wallet as an EUDI-behaving client (wallet attestation, key attestation, DPoP), the
 * backend's part played through the real management API, and a WireMock callback receiver. Each refusal is asserted
 * with its exact error.
 */
class AuthorizationCodeFlowTest {

    private static final String CLIENT_ID = "eudi-wallet-test";
    private static final String REDIRECT_URI = "eu.europa.ec.euidi://authorization";
    /** A scripted backend login page (see {@link #scriptedBackend}); the other tests read its URL but never fetch it. */
    private static HttpServer backend;
    private static String loginUrl;
    private static Path dir;
    private static final Duration AUTHORIZATION_LIFETIME = Duration.ofSeconds(4);
    private static final String ERIKA_CLAIMS = "{\"claims\": {\"given_name\": \"Erika\", \"family_name\": \"Mustermann\"}}";

    private static final TestPki.Issued WALLET_PROVIDER_CA = TestPki.ca("Auth Code Wallet Provider CA");
    private static final TestPki.Issued TLS_CA = TestPki.ca("Auth Code TLS CA");
    private static final WireMockServer CALLBACKS = new WireMockServer(options().dynamicPort());
    private static ConfigurableApplicationContext connector;
    private static HttpClient https;
    private static String issuer;
    private static int managementPort;

    @BeforeAll
    static void start() throws Exception {
        CALLBACKS.start();
        CALLBACKS.stubFor(post("/callbacks").willReturn(aResponse().withStatus(204)));
        dir = Files.createTempDirectory("authcode-test");
        dir.toFile().deleteOnExit();
        TestPki.pem(dir, "wallet-provider-ca.pem", WALLET_PROVIDER_CA.certificate());
        TestPki.pem(dir, "wallet-provider-ca.key", WALLET_PROVIDER_CA.keys().getPrivate());
        TestPki.pem(dir, "tls-ca.pem", TLS_CA.certificate());
        backend = scriptedBackend();
        loginUrl = "http://127.0.0.1:" + backend.getAddress().getPort() + "/login";
        var server = TestPki.localhostServer(TLS_CA);
        TestPki.pem(dir, "server.pem", server.certificate());
        TestPki.pem(dir, "server.key", server.keys().getPrivate());
        var trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("tls-ca", TLS_CA.certificate());
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        var ssl = SSLContext.getInstance("TLS");
        ssl.init(null, factory.getTrustManagers(), null);
        https = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
        int port = ConnectorIntegrationTest.freePort();
        issuer = "https://localhost:" + port;
        connector = TestConnectors.withArguments(Map.ofEntries(
                Map.entry("server.port", port),
                Map.entry("connector.public-base-url", issuer),
                Map.entry("connector.management.port", 0),
                Map.entry("server.ssl.certificate", "file:" + dir.resolve("server.pem")),
                Map.entry("server.ssl.certificate-private-key", "file:" + dir.resolve("server.key")),
                Map.entry("connector.haip.wallet-attestation", "required"),
                Map.entry("connector.haip.key-attestation", "required"),
                Map.entry("connector.wallet-attestation.trust-anchors", dir.resolve("wallet-provider-ca.pem").toString()),
                Map.entry("connector.key-attestation.trust-anchors", dir.resolve("wallet-provider-ca.pem").toString()),
                Map.entry("connector.callback.url", CALLBACKS.baseUrl() + "/callbacks"),
                Map.entry("connector.authorization.login-url", loginUrl),
                Map.entry("connector.authorization.lifetime", AUTHORIZATION_LIFETIME.toSeconds() + "s")), "dev");
        managementPort = connector.getBean(ManagementConnector.class).localPort();
    }

    @AfterAll
    static void stop() {
        if (connector != null) connector.close();
        if (backend != null) backend.stop(0);
        CALLBACKS.stop();
    }

    // --- the two flows ---

    @Test
    void issuerInitiatedFlowWhenBackendCompletesThenCredentialByIdentifierAndCallbacks() throws Exception {
        Map<String, Object> created = management("POST", "/offers", offerJson(), 201);
        String offerId = (String) created.get("offer_id");
        WalletClient wallet = wallet();
        CredentialOffer offer = wallet.resolveOffer((String) created.get("credential_offer_uri"));
        assertThat(offer.authorizationCodeGrant()).isTrue();
        assertThat(offer.json().get("grants").toString()).doesNotContain("pre-authorized_code");
        IssuerMetadata metadata = wallet.fetchMetadata(issuer);
        var backend = new RecordingBackend(null);

        IssuanceResult result = new AuthorizationCodeFlow(wallet).receive(metadata, offer, null, false, REDIRECT_URI, backend, 1);

        assertThat(backend.loginQuery).containsEntry("offer_id", offerId).containsKey("authorization_id");
        assertThat(backend.authorization).containsEntry("credential_configuration_id", "IdentityCredential")
                .containsEntry("client_id", CLIENT_ID).containsEntry("offer_id", offerId).containsEntry("status", "PENDING")
                .containsEntry("issuer_initiated", true).containsKey("expires_at");
        // OID4VCI §6.2: asked with authorization_details, so they come back with an identifier, which the credential request used
        assertThat(result.tokenResponse().get("authorization_details").toString()).contains("credential_identifiers");
        assertThat(SdJwtView.verify(result.credentials().get(0)).disclosedClaims()).containsEntry("given_name", "Erika");
        assertThat(statuses(offerId, 2)).containsExactly("OFFER_CREATED", "ISSUED");
        assertThat(management("GET", "/offers/" + offerId, null, 200)).containsEntry("status", "ISSUED");
    }

    @Test
    void walletInitiatedFlowWhenBackendCompletesWithClaimsThenOfferCreatedAndIssued() throws Exception {
        WalletClient wallet = wallet();
        IssuerMetadata metadata = wallet.fetchMetadata(issuer);
        var backend = new RecordingBackend(ERIKA_CLAIMS);

        IssuanceResult result = new AuthorizationCodeFlow(wallet).receive(metadata, null, "IdentityCredential", true, REDIRECT_URI, backend, 1);

        assertThat(backend.loginQuery).containsKey("authorization_id").doesNotContainKey("offer_id");
        assertThat(backend.authorization).containsEntry("scope", "identity_credential").containsEntry("issuer_initiated", false)
                .doesNotContainKey("offer_id");
        assertThat(result.tokenResponse()).doesNotContainKey("authorization_details");
        assertThat(SdJwtView.verify(result.credentials().get(0)).disclosedClaims()).containsEntry("family_name", "Mustermann");
        String offerId = (String) management("GET", "/authorizations/" + backend.authorizationId(), null, 200).get("offer_id");
        assertThat(offerId).isNotNull();
        assertThat(statuses(offerId, 2)).containsExactly("OFFER_CREATED", "ISSUED");
        assertThat(management("GET", "/offers/" + offerId, null, 200)).containsEntry("status", "ISSUED");
    }

    // --- refusals, each with its exact error ---

    @Test
    void tokenRequestWhenCodeVerifierWrongThenInvalidGrant() {
        Flow flow = authorized(ERIKA_CLAIMS);
        String otherVerifier = "x".repeat(43);

        assertThatThrownBy(() -> flow.wallet.requestToken(flow.metadata, AuthorizationCodeFlow.tokenForm(flow.pushed, flow.code, otherVerifier), flow.dpopKey))
                .isInstanceOfSatisfying(WalletException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error()).isEqualTo("invalid_grant");
                    assertThat(e.errorDescription()).contains("code_verifier");
                });
        // the right verifier still works: a wrong guess does not burn the code
        assertThat(flow.redeem().accessToken()).isNotEmpty();
    }

    @Test
    void tokenRequestWhenCodeReusedThenInvalidGrantAndFirstTokenRevoked() throws Exception {
        Flow flow = authorized(ERIKA_CLAIMS);
        TokenResponse first = flow.redeem();

        assertThatThrownBy(flow::redeem).isInstanceOfSatisfying(WalletException.class, e -> {
            assertThat(e.error()).isEqualTo("invalid_grant");
            assertThat(e.errorDescription()).contains("already used");
        });
        // RFC 6749 §4.1.2: what the code produced is revoked, so the first token issues nothing
        String nonce = flow.wallet.requestNonce(flow.metadata);
        assertThatThrownBy(() -> flow.wallet.requestCredential(flow.metadata, "IdentityCredential", first.accessToken(), flow.dpopKey,
                List.of(WalletClient.generateKey()), nonce))
                .isInstanceOfSatisfying(WalletException.class, e -> assertThat(e.error()).isEqualTo("credential_request_denied"));
        String offerId = (String) management("GET", "/authorizations/" + flow.authorizationId, null, 200).get("offer_id");
        assertThat(statuses(offerId, 2)).containsExactly("OFFER_CREATED", "FAILED");
    }

    @Test
    void tokenRequestWhenAnotherCodeAlreadyTookTheOfferThenInvalidGrantAndTheFirstTokenKeepsWorking() throws Exception {
        Map<String, Object> created = management("POST", "/offers", offerJson(), 201);
        WalletClient wallet = wallet();
        String issuerState = wallet.resolveOffer((String) created.get("credential_offer_uri")).issuerState();
        Flow first = completed(pending(wallet, issuerState), null);
        Flow second = completed(pending(wallet, issuerState), null);
        TokenResponse token = first.redeem();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(second::redeem).isInstanceOfSatisfying(WalletException.class, e -> {
                assertThat(e.error()).isEqualTo("invalid_grant");
                assertThat(e.errorDescription()).contains("no longer redeemable");
            });
        }
        // the second code produced nothing, so trying it again is no replay: the first wallet's token still issues
        String nonce = first.wallet.requestNonce(first.metadata);
        assertThat(first.wallet.requestCredential(first.metadata, "IdentityCredential", token.accessToken(), first.dpopKey,
                List.of(WalletClient.generateKey()), nonce).credentials()).hasSize(1);
    }

    @Test
    void authorizationRequestWhenRequestUriReusedThenInvalidRequestUriPage() {
        Flow flow = pushed();
        URI request = flow.codeFlow.authorizationRequest(flow.metadata, flow.pushed);
        flow.codeFlow.loginPage(request);

        HttpResult again = flow.wallet.http().get(request, "text/html");

        assertErrorPage(again, "invalid_request_uri");
    }

    @Test
    void authorizationRequestWithoutParThenInvalidRequestPageAndNoRedirect() {
        WalletClient wallet = wallet();
        URI request = URI.create(issuer + "/oidc4vci/authorize?response_type=code&client_id=" + CLIENT_ID
                + "&redirect_uri=https%3A%2F%2Fattacker.example%2F&code_challenge=" + "a".repeat(43) + "&code_challenge_method=S256");

        assertErrorPage(wallet.http().get(request, "text/html"), "invalid_request");
        assertErrorPage(wallet.http().get(URI.create(issuer + "/oidc4vci/authorize?client_id=" + CLIENT_ID), "text/html"), "invalid_request");
    }

    @Test
    void authorizationRequestWhenRedirectUriNotTheRegisteredOneThenRefusedEverywhere() {
        WalletClient wallet = wallet();
        IssuerMetadata metadata = wallet.fetchMetadata(issuer);
        var codeFlow = new AuthorizationCodeFlow(wallet);
        // PAR: a scheme a browser would run is never registered
        Map<String, String> form = codeFlow.pushForm(metadata, "IdentityCredential", false, null, "javascript:alert(1)");
        assertThatThrownBy(() -> codeFlow.push(metadata, form, WalletClient.generateKey()))
                .isInstanceOfSatisfying(WalletException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_request");
                    assertThat(e.errorDescription()).contains("redirect_uri");
                });
        // authorization endpoint: a redirect_uri beside the request_uri is refused, not followed
        Flow flow = pushed();
        URI withRedirect = URI.create(flow.codeFlow.authorizationRequest(flow.metadata, flow.pushed) + "&redirect_uri=https%3A%2F%2Fattacker.example%2F");
        assertErrorPage(flow.wallet.http().get(withRedirect, "text/html"), "invalid_request");
        // token endpoint: the code is redeemed only with the redirect_uri registered at PAR
        Flow completed = authorized(ERIKA_CLAIMS);
        Map<String, String> tokenForm = AuthorizationCodeFlow.tokenForm(completed.pushed, completed.code, completed.pushed.codeVerifier());
        tokenForm.put("redirect_uri", "https://attacker.example/");
        assertThatThrownBy(() -> completed.wallet.requestToken(completed.metadata, tokenForm, completed.dpopKey))
                .isInstanceOfSatisfying(WalletException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_grant");
                    assertThat(e.errorDescription()).contains("redirect_uri");
                });
    }

    @Test
    void completeWhenAuthorizationExpiredThenGoneAndReadAsExpired() throws Exception {
        Flow flow = pending();
        Thread.sleep(AUTHORIZATION_LIFETIME.plusMillis(500).toMillis());

        Map<String, Object> problem = management("POST", "/authorizations/" + flow.authorizationId + "/complete", ERIKA_CLAIMS, 410);

        assertThat(problem.get("type").toString()).endsWith("authorization-expired");
        assertThat(management("GET", "/authorizations/" + flow.authorizationId, null, 200)).containsEntry("status", "EXPIRED");
    }

    @Test
    void denyThenAccessDeniedAtTheWalletAndNoSecondDecision() throws Exception {
        Flow flow = pending();

        Map<String, Object> denied = management("POST", "/authorizations/" + flow.authorizationId + "/deny", "{\"reason\": \"login cancelled\"}", 200);
        URI redirect = URI.create((String) denied.get("redirect_uri"));

        Map<String, String> query = AuthorizationCodeFlow.query(redirect.getRawQuery());
        assertThat(redirect.toString()).startsWith(REDIRECT_URI + "?");
        assertThat(query).containsEntry("error", "access_denied").containsEntry("error_description", "login cancelled")
                .containsEntry("state", flow.pushed.state()).containsEntry("iss", issuer).doesNotContainKey("code");
        assertThatThrownBy(() -> flow.codeFlow.code(flow.pushed, redirect, issuer))
                .isInstanceOfSatisfying(WalletException.class, e -> assertThat(e.error()).isEqualTo("access_denied"));
        Map<String, Object> again = management("POST", "/authorizations/" + flow.authorizationId + "/complete", ERIKA_CLAIMS, 409);
        assertThat(again.get("type").toString()).endsWith("authorization-decided");
    }

    @Test
    void completeTwiceThenConflict() throws Exception {
        Flow flow = pending();
        Map<String, Object> completed = management("POST", "/authorizations/" + flow.authorizationId + "/complete", ERIKA_CLAIMS, 200);
        Map<String, String> query = AuthorizationCodeFlow.query(URI.create((String) completed.get("redirect_uri")).getRawQuery());
        assertThat(query).containsKeys("code", "state", "iss").containsEntry("iss", issuer);

        Map<String, Object> again = management("POST", "/authorizations/" + flow.authorizationId + "/complete", ERIKA_CLAIMS, 409);

        assertThat(again.get("type").toString()).endsWith("authorization-decided");
    }

    @Test
    void completeWhenClaimsMissingOrNotAllowedThenBadRequest() throws Exception {
        Flow walletInitiated = pending();
        Map<String, Object> missing = management("POST", "/authorizations/" + walletInitiated.authorizationId + "/complete", "{}", 400);
        assertThat(missing.get("detail").toString()).contains("claims are required");

        Map<String, Object> created = management("POST", "/offers", offerJson(), 201);
        WalletClient wallet = wallet();
        CredentialOffer offer = wallet.resolveOffer((String) created.get("credential_offer_uri"));
        Flow issuerInitiated = pending(wallet, offer.issuerState());
        Map<String, Object> forbidden = management("POST", "/authorizations/" + issuerInitiated.authorizationId + "/complete", ERIKA_CLAIMS, 400);
        assertThat(forbidden.get("detail").toString()).contains("claims came with the offer");
    }

    @Test
    void pushedRequestWhenPkcePlainOrProofsMissingThenPreciseErrors() {
        WalletClient wallet = wallet();
        IssuerMetadata metadata = wallet.fetchMetadata(issuer);
        var codeFlow = new AuthorizationCodeFlow(wallet);
        Map<String, String> plain = codeFlow.pushForm(metadata, "IdentityCredential", false, null, REDIRECT_URI);
        plain.put("code_challenge_method", "plain");
        assertPushRefused(codeFlow, metadata, plain, "invalid_request", "S256");
        Map<String, String> scope = codeFlow.pushForm(metadata, "IdentityCredential", true, null, REDIRECT_URI);
        scope.put("scope", "openid");
        assertPushRefused(codeFlow, metadata, scope, "invalid_scope", "scope");
        Map<String, String> details = codeFlow.pushForm(metadata, "IdentityCredential", false, null, REDIRECT_URI);
        details.put("authorization_details", "[{\"type\":\"openid_credential\",\"credential_configuration_id\":\"Unknown\"}]");
        assertPushRefused(codeFlow, metadata, details, "invalid_authorization_details", "unknown");
        // no wallet attestation: invalid_client
        var anonymous = new AuthorizationCodeFlow(new WalletClient(https, WalletOptions.defaults().withClientId(CLIENT_ID)));
        assertPushRefused(anonymous, metadata, codeFlow.pushForm(metadata, "IdentityCredential", false, null, REDIRECT_URI),
                "invalid_client", null);
        // no DPoP proof and no dpop_jkt: the code could not be bound
        Map<String, String> form = new java.util.LinkedHashMap<>(codeFlow.pushForm(metadata, "IdentityCredential", false, null, REDIRECT_URI));
        form.remove("#code_verifier");
        Map<String, String> headers = new java.util.LinkedHashMap<>(wallet.authorizationServerHeaders(metadata,
                metadata.pushedAuthorizationRequestEndpoint(), WalletClient.generateKey()));
        headers.remove("DPoP");
        HttpResult result = wallet.http().postForm(metadata.pushedAuthorizationRequestEndpoint(), form, headers);
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json()).containsEntry("error", "invalid_dpop_proof");
    }

    @Test
    void tokenRequestWhenDPoPKeyIsNotTheOneBoundAtParThenInvalidGrant() {
        Flow flow = authorized(ERIKA_CLAIMS);

        assertThatThrownBy(() -> flow.wallet.requestToken(flow.metadata,
                AuthorizationCodeFlow.tokenForm(flow.pushed, flow.code, flow.pushed.codeVerifier()), WalletClient.generateKey()))
                .isInstanceOfSatisfying(WalletException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_grant");
                    assertThat(e.errorDescription()).contains("DPoP key");
                });
    }

    @Test
    void metadataAdvertisesTheAuthorizationCodeFlow() {
        IssuerMetadata metadata = wallet().fetchMetadata(issuer);

        assertThat(metadata.authorizationServer()).containsEntry("authorization_endpoint", issuer + "/oidc4vci/authorize")
                .containsEntry("pushed_authorization_request_endpoint", issuer + "/oidc4vci/par")
                .containsEntry("require_pushed_authorization_requests", true)
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("authorization_response_iss_parameter_supported", true);
        assertThat(metadata.authorizationServerList("grant_types_supported")).contains("authorization_code",
                "urn:ietf:params:oauth:grant-type:pre-authorized_code");
    }

    // --- the demo wallet's command line (README), against a scripted backend ---

    @Test
    void demoWalletWhenWalletInitiatedWithFollowLoginThenCredentialBoundToItsKey() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();

        int status = DemoWallet.run(cli("--issuer", issuer, "--configuration", "IdentityCredential", "--scope"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("POST par", "cnf.jwk matches holder key 1: yes", "\"given_name\": \"Erika\"");
    }

    @Test
    void demoWalletWhenIssuerInitiatedOfferWithFollowLoginThenCredentialAndOfferIssued() throws Exception {
        Map<String, Object> created = management("POST", "/offers", offerJson(), 201);
        var out = new java.io.ByteArrayOutputStream();

        int status = DemoWallet.run(cli((String) created.get("credential_offer_uri")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("cnf.jwk matches holder key 1: yes");
        assertThat(statuses((String) created.get("offer_id"), 2)).containsExactly("OFFER_CREATED", "ISSUED");
    }

    private static String[] cli(String... first) {
        var args = new ArrayList<>(List.of(first));
        args.addAll(List.of("--follow-login", "--truststore", dir.resolve("tls-ca.pem").toString(),
                "--wallet-provider-cert", dir.resolve("wallet-provider-ca.pem").toString(),
                "--wallet-provider-key", dir.resolve("wallet-provider-ca.key").toString()));
        return args.toArray(String[]::new);
    }

    /**
     * The README's example backend in a few lines: its login page "logs the person in" at once, completes the
     * authorization through the management API (with the claims when no offer brought them) and sends the browser on.
     */
    private static HttpServer scriptedBackend() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/login", exchange -> {
            Map<String, String> query = AuthorizationCodeFlow.query(exchange.getRequestURI().getRawQuery());
            try {
                String body = query.containsKey("offer_id") ? null : ERIKA_CLAIMS;
                String redirect = (String) management("POST", "/authorizations/" + query.get("authorization_id") + "/complete", body, 200)
                        .get("redirect_uri");
                exchange.getResponseHeaders().add("Location", redirect);
                exchange.sendResponseHeaders(303, -1);
            } catch (Exception | AssertionError e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    // --- fixtures ---

    /** The backend's login page, played by the test: reads the authorization, completes it, returns the redirect. */
    private final class RecordingBackend implements AuthorizationCodeFlow.LoginStep {
        private final String completeBody;
        Map<String, String> loginQuery;
        Map<String, Object> authorization;

        RecordingBackend(String completeBody) {
            this.completeBody = completeBody;
        }

        String authorizationId() {
            return loginQuery.get("authorization_id");
        }

        @Override
        public URI login(URI loginPage) {
            assertThat(loginPage.toString()).startsWith(loginUrl + "?");
            loginQuery = AuthorizationCodeFlow.query(loginPage.getRawQuery());
            try {
                authorization = management("GET", "/authorizations/" + authorizationId(), null, 200);
                return URI.create((String) management("POST", "/authorizations/" + authorizationId() + "/complete", completeBody, 200).get("redirect_uri"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /** One wallet's flow, step by step. */
    private static final class Flow {
        WalletClient wallet;
        IssuerMetadata metadata;
        AuthorizationCodeFlow codeFlow;
        ECKey dpopKey;
        PushedRequest pushed;
        String authorizationId;
        String code;

        TokenResponse redeem() {
            return codeFlow.redeem(metadata, pushed, code, dpopKey);
        }
    }

    private Flow pushed() {
        return pushed(wallet(), null);
    }

    private Flow pushed(WalletClient wallet, String issuerState) {
        var flow = new Flow();
        flow.wallet = wallet;
        flow.metadata = wallet.fetchMetadata(issuer);
        flow.codeFlow = new AuthorizationCodeFlow(wallet);
        flow.dpopKey = WalletClient.generateKey();
        flow.pushed = flow.codeFlow.push(flow.metadata, flow.codeFlow.pushForm(flow.metadata, "IdentityCredential", false, issuerState,
                REDIRECT_URI), flow.dpopKey);
        return flow;
    }

    private Flow pending() {
        return pending(wallet(), null);
    }

    private Flow pending(WalletClient wallet, String issuerState) {
        Flow flow = pushed(wallet, issuerState);
        URI login = flow.codeFlow.loginPage(flow.codeFlow.authorizationRequest(flow.metadata, flow.pushed));
        flow.authorizationId = AuthorizationCodeFlow.query(login.getRawQuery()).get("authorization_id");
        return flow;
    }

    private Flow authorized(String claims) {
        return completed(pending(), claims);
    }

    private Flow completed(Flow flow, String claims) {
        try {
            URI redirect = URI.create((String) management("POST", "/authorizations/" + flow.authorizationId + "/complete", claims, 200).get("redirect_uri"));
            flow.code = flow.codeFlow.code(flow.pushed, redirect, issuer);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return flow;
    }

    private static void assertPushRefused(AuthorizationCodeFlow codeFlow, IssuerMetadata metadata, Map<String, String> form,
                                          String error, String descriptionPart) {
        assertThatThrownBy(() -> codeFlow.push(metadata, form, WalletClient.generateKey()))
                .isInstanceOfSatisfying(WalletException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error()).isEqualTo(error);
                    if (descriptionPart != null) assertThat(e.errorDescription()).contains(descriptionPart);
                });
    }

    private static void assertErrorPage(HttpResult result, String error) {
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.header("Location")).isEmpty();
        assertThat(result.mediaType()).isEqualTo("text/html");
        assertThat(result.body()).contains("error: " + error);
    }

    private static WalletClient wallet() {
        WalletProvider provider = new WalletProvider(WALLET_PROVIDER_CA.certificate(), WALLET_PROVIDER_CA.keys().getPrivate(), Clock.systemUTC());
        WalletOptions options = WalletOptions.defaults().withClientId(CLIENT_ID)
                .withClientAttestation(provider.clientAttestation(CLIENT_ID, true)).withKeyProofs(provider.keyProofs(CLIENT_ID));
        return new WalletClient(https, options);
    }

    private static String offerJson() {
        return TestOffers.ERIKA.replace("\"credential_configuration_id\"", "\"grant\": \"authorization_code\", \"credential_configuration_id\"");
    }

    private static Map<String, Object> management(String method, String path, String json, int expectedStatus) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path));
        if (json != null) request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        else request.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response = https.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return JSONObjectUtils.parse(response.body());
    }

    /** The callback statuses of one offer, in arrival order, once at least {@code count} arrived. */
    private static List<String> statuses(String offerId, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            var statuses = new ArrayList<String>();
            for (LoggedRequest request : CALLBACKS.findAll(postRequestedFor(urlEqualTo("/callbacks")))) {
                Map<String, Object> event = JSONObjectUtils.parse(request.getBodyAsString());
                if (offerId.equals(event.get("offerId"))) statuses.add((String) event.get("status"));
            }
            if (statuses.size() >= count || System.nanoTime() > deadline) return statuses;
            Thread.sleep(50);
        }
    }
}
