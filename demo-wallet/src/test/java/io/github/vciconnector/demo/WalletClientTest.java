package io.github.vciconnector.demo;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.github.vciconnector.demo.TestServer.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalletClientTest {

    private final WalletClient wallet = new WalletClient(HttpClient.newHttpClient(), WalletOptions.defaults());

    @Test
    void receiveWhenServersAskForDPoPNoncesThenRetriesOnceEachAndReturnsBoundCredentials() throws Exception {
        try (TestIssuer issuer = new TestIssuer(true)) {
            IssuanceResult result = wallet.receive(issuer.offerLink(), "123456", 2);

            assertThat(result.credentials()).hasSize(2);
            assertThat(result.notificationId()).isEqualTo("notif-1");
            assertThat(result.accessToken()).isEqualTo(TestIssuer.ACCESS_TOKEN);
            for (int i = 0; i < 2; i++) {
                // EUDI-6: credentials are matched to holder keys by position
                assertThat(SdJwtView.verify(result.credentials().get(i)).cnfJwk().computeThumbprint())
                        .isEqualTo(result.holderKeys().get(i).computeThumbprint());
            }
            List<TestServer.Request> token = issuer.server.requests("/tenant/token");
            assertThat(token).hasSize(2);
            assertThat(form(token.get(1).body())).containsEntry("grant_type", CredentialOffer.PRE_AUTHORIZED_CODE_GRANT)
                    .containsEntry("pre-authorized_code", TestIssuer.PRE_AUTHORIZED_CODE)
                    .containsEntry("tx_code", "123456").containsEntry("client_id", "demo-wallet");
            JWTClaimsSet firstProof = dpop(token.get(0));
            JWTClaimsSet retryProof = dpop(token.get(1));
            assertThat(firstProof.getClaim("nonce")).isNull();
            assertThat(retryProof.getStringClaim("nonce")).isEqualTo(TestIssuer.AS_NONCE);
            assertThat(retryProof.getJWTID()).isNotEqualTo(firstProof.getJWTID());
            assertThat(retryProof.getStringClaim("htu")).isEqualTo(issuer.issuer + "/token");

            TestServer.Request nonce = issuer.server.requests("/tenant/nonce").get(0);
            assertThat(nonce.header("Authorization")).isNull();
            assertThat(nonce.header("DPoP")).isNull();

            List<TestServer.Request> credential = issuer.server.requests("/tenant/credential");
            assertThat(credential).hasSize(2);
            assertThat(credential.get(1).header("Authorization")).isEqualTo("DPoP " + TestIssuer.ACCESS_TOKEN);
            assertThat(dpop(credential.get(0)).getStringClaim("nonce")).isEqualTo(TestIssuer.NONCE_ENDPOINT_DPOP_NONCE);
            assertThat(dpop(credential.get(1)).getStringClaim("nonce")).isEqualTo(TestIssuer.RS_NONCE);
            assertThat(dpop(credential.get(1)).getStringClaim("ath")).isEqualTo(DPoPProofs.ath(TestIssuer.ACCESS_TOKEN));
            assertThat(credential.get(1).json()).containsEntry("credential_configuration_id", "pid");
        }
    }

    @Test
    void requestTokenWhenNonceDemandedTwiceThenGivesUpAfterOneRetry() throws Exception {
        try (TestIssuer issuer = new TestIssuer(false)) {
            issuer.server.on("POST", "/tenant/token",
                    r -> Reply.json(400, Map.of("error", "use_dpop_nonce"), "DPoP-Nonce", "again"));

            assertThatThrownBy(() -> wallet.receive(issuer.offerLink(), null, 1))
                    .isInstanceOfSatisfying(WalletException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.error()).isEqualTo("use_dpop_nonce");
                    });
            assertThat(issuer.server.requests("/tenant/token")).hasSize(2);
        }
    }

    @Test
    void requestTokenWhenInvalidGrantThenExceptionCarriesErrorAndDescription() throws Exception {
        try (TestIssuer issuer = new TestIssuer(false)) {
            issuer.server.on("POST", "/tenant/token", r -> Reply.json(400,
                    Map.of("error", "invalid_grant", "error_description", "code already used")));
            CredentialOffer offer = wallet.resolveOffer(issuer.offerLink());
            IssuerMetadata metadata = wallet.fetchMetadata(offer.credentialIssuer());

            assertThatThrownBy(() -> wallet.requestToken(metadata, offer, null, WalletClient.generateKey()))
                    .isInstanceOfSatisfying(WalletException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.error()).isEqualTo("invalid_grant");
                        assertThat(e.errorDescription()).isEqualTo("code already used");
                    });
            assertThat(issuer.server.requests("/tenant/token")).hasSize(1);
        }
    }

    @Test
    void requestTokenWhenOfferNeedsTxCodeAndNoneGivenThenFailsBeforeSending() throws Exception {
        try (TestIssuer issuer = new TestIssuer(true)) {
            assertThatThrownBy(() -> wallet.receive(issuer.offerLink(), null, 1))
                    .isInstanceOf(WalletException.class).hasMessageContaining("requires a tx_code");
            assertThat(issuer.server.requests("/tenant/token")).isEmpty();
        }
    }

    @Test
    void requestCredentialWhenInvalidTokenThenNoRetryAndWwwAuthenticateReported() throws Exception {
        try (TestIssuer issuer = new TestIssuer(false)) {
            issuer.server.on("POST", "/tenant/credential", r -> Reply.json(401, Map.of("error", "invalid_token"),
                    "WWW-Authenticate", "DPoP error=\"invalid_token\", algs=\"ES256\"", "DPoP-Nonce", "n"));

            assertThatThrownBy(() -> wallet.receive(issuer.offerLink(), null, 1))
                    .isInstanceOfSatisfying(WalletException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.error()).isEqualTo("invalid_token");
                        assertThat(e.wwwAuthenticateParameter("error")).contains("invalid_token");
                        assertThat(e.wwwAuthenticateParameter("algs")).contains("ES256");
                    });
            assertThat(issuer.server.requests("/tenant/credential")).hasSize(1);
        }
    }

    @Test
    void fetchMetadataWhenCredentialIssuerDiffersThenRejected() throws Exception {
        try (TestIssuer issuer = new TestIssuer(false)) {
            issuer.server.on("GET", "/.well-known/openid-credential-issuer/tenant", r -> Reply.json(200,
                    Map.of("credential_issuer", issuer.issuer + "/", "credential_endpoint", "x")));

            assertThatThrownBy(() -> wallet.fetchMetadata(issuer.issuer))
                    .isInstanceOf(WalletException.class).hasMessageContaining("differs from the offer");
        }
    }

    @Test
    void fetchMetadataWhenNotJsonThenRejected() throws Exception {
        try (TestIssuer issuer = new TestIssuer(false)) {
            issuer.server.on("GET", "/.well-known/openid-credential-issuer/tenant",
                    r -> new Reply(200, Map.of("Content-Type", "text/html"), "<html/>"));

            assertThatThrownBy(() -> wallet.fetchMetadata(issuer.issuer)).hasMessageContaining("not application/json");
        }
    }

    @Test
    void requestNonceWhenDPoPNonceHeaderThenRemembered() throws Exception {
        try (TestIssuer issuer = new TestIssuer(false)) {
            IssuerMetadata metadata = wallet.fetchMetadata(issuer.issuer);

            assertThat(wallet.requestNonce(metadata)).isEqualTo(TestIssuer.C_NONCE);
            assertThat(wallet.http().latestDPoPNonce()).isEqualTo(TestIssuer.NONCE_ENDPOINT_DPOP_NONCE);
        }
    }

    @Test
    void postFormWhenReplayingTheSameProofThenSentVerbatim() throws Exception {
        try (TestIssuer issuer = new TestIssuer(false)) {
            URI token = URI.create(issuer.issuer + "/token");
            String proof = DPoPProofs.buildDPoPProof("POST", token, WalletClient.generateKey(), null, null);

            wallet.http().postForm(token, Map.of("grant_type", "x"), Map.of("DPoP", proof));
            HttpResult second = wallet.http().postForm(token, Map.of("grant_type", "x"), Map.of("DPoP", proof));

            assertThat(second.status()).isEqualTo(200);
            assertThat(issuer.server.requests("/tenant/token")).extracting(r -> r.header("DPoP"))
                    .containsExactly(proof, proof);
        }
    }

    private static JWTClaimsSet dpop(TestServer.Request request) throws Exception {
        SignedJWT proof = SignedJWT.parse(request.header("DPoP"));
        assertThat(proof.getHeader().getJWK().isPrivate()).isFalse();
        return proof.getJWTClaimsSet();
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(
                Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
