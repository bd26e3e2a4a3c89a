package io.github.vciconnector.flow;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.HttpResult;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.support.TestOffers;
import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Token endpoint refusals through real HTTP (VCI-TOK-*, DPOP-3/4/5), each with its exact OAuth error. */
class TokenEndpointTest extends WalletFlowTest {

    private static final String GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    private final WalletClient wallet = wallet();
    private final ECKey dpopKey = WalletClient.generateKey();

    @Test
    void tokenWhenCodeAlreadyRedeemedThenInvalidGrant() throws Exception {
        String code = preAuthorizedCode(createOffer());
        assertThat(token(form(code), proof()).status()).isEqualTo(200);

        assertError(token(form(code), proof()), "invalid_grant");  // VCI-OFF-4, VCI-TOK-3
    }

    @Test
    void tokenWhenCodeUnknownThenInvalidGrant() {
        assertError(token(form("not-a-code"), proof()), "invalid_grant");
    }

    @Test
    void tokenWhenTxCodeMissingThenInvalidRequest() throws Exception {
        assertError(token(form(preAuthorizedCode(createOffer(TestOffers.ERIKA_WITH_TX_CODE))), proof()), "invalid_request");
    }

    @Test
    void tokenWhenTxCodeWrongThenInvalidGrant() throws Exception {
        Map<String, Object> offer = createOffer(TestOffers.ERIKA_WITH_TX_CODE);
        var form = form(preAuthorizedCode(offer));
        form.put("tx_code", wrong((String) offer.get("tx_code")));
        assertError(token(form, proof()), "invalid_grant");  // VCI-TOK-2 (1.0 Final: invalid_grant)
    }

    @Test
    void tokenWhenTxCodeSentButNotExpectedThenInvalidRequest() throws Exception {
        var form = form(preAuthorizedCode(createOffer()));
        form.put("tx_code", "123456");
        assertError(token(form, proof()), "invalid_request");
    }

    @Test
    void tokenWhenTxCodeWrongFiveTimesThenLockedEvenForRightCodeAndFailedCallback() throws Exception {
        Map<String, Object> offer = createOffer(TestOffers.ERIKA_WITH_TX_CODE);
        String txCode = (String) offer.get("tx_code");
        var form = form(preAuthorizedCode(offer));
        for (int i = 0; i < 5; i++) {
            form.put("tx_code", wrong(txCode));
            assertError(token(form, proof()), "invalid_grant");
        }
        form.put("tx_code", txCode);
        assertError(token(form, proof()), "invalid_grant");  // VCI-TOK-4

        var events = callbacksFor((String) offer.get("offer_id"), 2);
        assertThat(events).extracting(e -> e.get("status")).containsExactly("OFFER_CREATED", "FAILED");
        assertThat((String) events.get(1).get("errorDetails")).contains("tx_code");
    }

    @Test
    void tokenWhenTwentyWrongTxCodesInParallelThenAtMostFiveAreCompared() throws Exception {
        Map<String, Object> offer = createOffer(TestOffers.ERIKA_WITH_TX_CODE);
        var form = form(preAuthorizedCode(offer));
        form.put("tx_code", wrong((String) offer.get("tx_code")));
        var proofs = new java.util.ArrayList<String>();
        for (int i = 0; i < 20; i++) proofs.add(proof());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<HttpResult>>();
            for (String proof : proofs) results.add(pool.submit(() -> token(form, proof)));
            int compared = 0;
            for (var result : results) {
                HttpResult answer = result.get();
                assertError(answer, "invalid_grant");
                if ("tx_code is wrong".equals(answer.json().get("error_description"))) compared++;
            }
            assertThat(compared).isBetween(1, 5);  // VCI-TOK-4: the limit holds for parallel guesses too
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokenWhenDPoPProofMissingThenInvalidDPoPProof() throws Exception {
        assertError(token(form(preAuthorizedCode(createOffer())), null), "invalid_dpop_proof");
    }

    @Test
    void tokenWhenDPoPProofHasNoNonceThenUseDPoPNonceWithHeader() throws Exception {
        String proof = DPoPProofs.buildDPoPProof("POST", tokenEndpoint(), dpopKey, null, null);
        HttpResult result = token(form(preAuthorizedCode(createOffer())), proof);
        assertError(result, "use_dpop_nonce");  // DPOP-5
        assertThat(result.header("DPoP-Nonce")).isPresent();
    }

    @Test
    void tokenWhenDPoPProofReplayedThenInvalidDPoPProof() throws Exception {
        String proof = proof();
        assertThat(token(form(preAuthorizedCode(createOffer())), proof).status()).isEqualTo(200);

        HttpResult replay = token(form(preAuthorizedCode(createOffer())), proof);
        assertError(replay, "invalid_dpop_proof");  // DPOP-8
        assertThat(replay.json()).containsEntry("error_description", "DPoP proof replayed");
    }

    @Test
    void tokenWhenProofFirstSentWithUnknownCodeThenNotBurnedAndAcceptedWithValidCode() throws Exception {
        String proof = proof();
        assertError(token(form("not-a-code"), proof), "invalid_grant");  // M-2: refused with reads only, nothing stored

        assertThat(token(form(preAuthorizedCode(createOffer())), proof).status()).isEqualTo(200);
    }

    @Test
    void tokenWhenDPoPHtuNamesAnotherEndpointThenInvalidDPoPProof() throws Exception {
        String proof = DPoPProofs.buildDPoPProof("POST", URI.create(issuer() + "/oidc4vci/credential"), dpopKey, null, nonce());
        assertError(token(form(preAuthorizedCode(createOffer())), proof), "invalid_dpop_proof");
    }

    @Test
    void tokenWhenDPoPHtmIsGetThenInvalidDPoPProof() throws Exception {
        String proof = DPoPProofs.buildDPoPProof("GET", tokenEndpoint(), dpopKey, null, nonce());
        assertError(token(form(preAuthorizedCode(createOffer())), proof), "invalid_dpop_proof");
    }

    @Test
    void tokenWhenDPoPIatAnHourOldThenInvalidDPoPProof() throws Exception {
        String proof = DPoPProofs.builder("POST", tokenEndpoint(), dpopKey, Instant.now().minusSeconds(3600))
                .claim("nonce", nonce()).build();
        assertError(token(form(preAuthorizedCode(createOffer())), proof), "invalid_dpop_proof");
    }

    @Test
    void tokenWhenGrantTypeUnsupportedThenUnsupportedGrantType() {
        var form = new HashMap<String, String>();
        // authorization_code is a grant of this connector since DESIGN §10; client_credentials is not
        form.put("grant_type", "client_credentials");
        assertError(token(form, proof()), "unsupported_grant_type");
    }

    @Test
    void tokenWhenSuccessfulThenDPoPTokenTypeNoStoreJsonAndNewNonce() throws Exception {
        HttpResult result = token(form(preAuthorizedCode(createOffer())), proof());
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json()).containsEntry("token_type", "DPoP").containsKeys("access_token", "expires_in")
                .doesNotContainKey("c_nonce");  // VCI-TOK-8
        assertThat(((Number) result.json().get("expires_in")).longValue()).isLessThanOrEqualTo(300);  // VCI-TOK-10
        assertThat(result.header("Cache-Control")).hasValue("no-store");  // VCI-TOK-6
        assertThat(result.header("Pragma")).hasValue("no-cache");  // RFC 6749 §5.1
        assertThat(result.header("Content-Type")).hasValue("application/json");
        assertThat(result.header("DPoP-Nonce")).isPresent();
    }

    private HttpResult token(Map<String, String> form, String dpopProof) {
        var headers = new HashMap<String, String>();
        if (dpopProof != null) headers.put("DPoP", dpopProof);
        return wallet.http().postForm(tokenEndpoint(), form, headers);
    }

    private String proof() {
        return DPoPProofs.buildDPoPProof("POST", tokenEndpoint(), dpopKey, null, nonce());
    }

    private String nonce() {
        return wallet.http().postEmpty(URI.create(issuer() + "/oidc4vci/nonce")).header("DPoP-Nonce").orElseThrow();
    }

    private URI tokenEndpoint() {
        return URI.create(issuer() + "/oidc4vci/token");
    }

    private String preAuthorizedCode(Map<String, Object> offer) {
        return wallet.resolveOffer((String) offer.get("credential_offer_uri")).preAuthorizedCode();
    }

    private static Map<String, String> form(String code) {
        var form = new HashMap<String, String>();
        form.put("grant_type", GRANT);
        form.put("pre-authorized_code", code);
        return form;
    }

    private static String wrong(String txCode) {
        return txCode.equals("000000") ? "111111" : "000000";
    }

    static void assertError(HttpResult result, String error) {
        assertThat(result.status()).as(result.body()).isEqualTo(400);
        assertThat(result.json()).containsEntry("error", error);
        assertThat(result.header("Cache-Control")).hasValue("no-store");
    }
}
