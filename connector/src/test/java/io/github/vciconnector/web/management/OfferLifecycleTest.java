package io.github.vciconnector.web.management;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.vciconnector.web.management.TestManagementClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The offer seen from both sides over real HTTP: a wallet redeeming it (VCI-TOK-2, VCI-TOK-4 tx_code lockout) and the
 * backend reading, cancelling and receiving callbacks from a WireMock receiver.
 */
class OfferLifecycleTest extends ConnectorIntegrationTest {

    private static final WireMockServer CALLBACKS = new WireMockServer(options().dynamicPort());

    static {
        CALLBACKS.start();
        CALLBACKS.stubFor(any(urlEqualTo("/callbacks")).willReturn(aResponse().withStatus(204)));
    }

    private final TestManagementClient client = new TestManagementClient(this::managementUri, null);

    @DynamicPropertySource
    static void callbackReceiver(DynamicPropertyRegistry registry) {
        registry.add("connector.callback.url", () -> "http://localhost:" + CALLBACKS.port() + "/callbacks");
    }

    @AfterAll
    static void stopCallbackReceiver() {
        CALLBACKS.stop();
    }

    @Test
    void tokenWhenFiveWrongTxCodesThenOfferLockedRightCodeFailsAndFailedCallbackSaysWhy() {
        JsonNode offer = client.createOffer(TestManagementClient.OFFER_WITH_TX_CODE);
        String offerId = offer.get("offer_id").asString();
        String rightCode = offer.get("tx_code").asString();
        String wrongCode = rightCode.equals("000000") ? "111111" : "000000";
        var wallet = new TestWallet(issuer());
        String code = wallet.preAuthorizedCode(offer.get("credential_offer_uri").asString());

        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> response = wallet.token(code, wrongCode);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("error").asString()).isEqualTo("invalid_grant");
        }
        HttpResponse<String> withRightCode = wallet.token(code, rightCode);

        assertThat(withRightCode.statusCode()).isEqualTo(400);
        assertThat(json(withRightCode).get("error").asString()).isEqualTo("invalid_grant");
        JsonNode status = json(client.get("/offers/" + offerId));
        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("error_details").asString()).contains("tx_code");
        JsonNode callback = awaitCallback(offerId, "FAILED");
        assertThat(callback.get("errorDetails").asString()).contains("tx_code").doesNotContain(rightCode);
    }

    @Test
    void tokenWhenRightTxCodeThenTokenIssuedAndStatusShowsTheStep() {
        JsonNode offer = client.createOffer(TestManagementClient.OFFER_WITH_TX_CODE);
        var wallet = new TestWallet(issuer());
        String code = wallet.preAuthorizedCode(offer.get("credential_offer_uri").asString());

        HttpResponse<String> response = wallet.token(code, offer.get("tx_code").asString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = json(client.get("/offers/" + offer.get("offer_id").asString()));
        assertThat(status.get("status").asString()).isEqualTo("TOKEN_ISSUED");
        assertThat(status.get("timestamps").has("OFFER_CREATED")).isTrue();
        assertThat(status.get("timestamps").has("TOKEN_ISSUED")).isTrue();
    }

    @Test
    void tokenWhenOfferCancelledThenInvalidGrantAndNoCallbackForTheCancellation() throws Exception {
        JsonNode offer = client.createOffer(TestManagementClient.OFFER);
        String offerId = offer.get("offer_id").asString();
        var wallet = new TestWallet(issuer());
        String code = wallet.preAuthorizedCode(offer.get("credential_offer_uri").asString());

        assertThat(client.delete("/offers/" + offerId).statusCode()).isEqualTo(204);
        HttpResponse<String> response = wallet.token(code, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_grant");
        // DESIGN §5 callback statuses are OFFER_CREATED, ISSUED, FAILED, EXPIRED: the backend asked for the cancellation.
        awaitCallback(offerId, "OFFER_CREATED");
        Thread.sleep(500);
        assertThat(CALLBACKS.findAll(postRequestedFor(urlEqualTo("/callbacks"))))
                .noneMatch(r -> r.getBodyAsString().contains(offerId) && r.getBodyAsString().contains("CANCELLED"));
    }

    @Test
    void cancelWhenTokenAlreadyIssuedThenCancelled() {
        JsonNode offer = client.createOffer(TestManagementClient.OFFER);
        String offerId = offer.get("offer_id").asString();
        var wallet = new TestWallet(issuer());
        assertThat(wallet.token(wallet.preAuthorizedCode(offer.get("credential_offer_uri").asString()), null).statusCode()).isEqualTo(200);

        assertThat(client.delete("/offers/" + offerId).statusCode()).isEqualTo(204);

        assertThat(json(client.get("/offers/" + offerId)).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void cancelWhenOfferFailedThenConflictProblem() {
        JsonNode offer = client.createOffer(TestManagementClient.OFFER_WITH_TX_CODE);
        String offerId = offer.get("offer_id").asString();
        var wallet = new TestWallet(issuer());
        String code = wallet.preAuthorizedCode(offer.get("credential_offer_uri").asString());
        for (int attempt = 0; attempt < 5; attempt++) wallet.token(code, "WRONG1");

        HttpResponse<String> response = client.delete("/offers/" + offerId);

        assertThat(response.statusCode()).isEqualTo(409);
        OffersApiTest.assertProblem(response, "offer-ended");
    }

    private static JsonNode awaitCallback(String offerId, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<LoggedRequest> requests = CALLBACKS.findAll(postRequestedFor(urlEqualTo("/callbacks")));
            for (LoggedRequest request : requests) {
                JsonNode body = TestManagementClient.JSON.readTree(request.getBodyAsString());
                if (offerId.equals(body.get("offerId").asString()) && status.equals(body.get("status").asString())) {
                    found[0] = body;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
