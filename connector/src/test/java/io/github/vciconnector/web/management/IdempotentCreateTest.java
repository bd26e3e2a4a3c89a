package io.github.vciconnector.web.management;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.github.vciconnector.web.management.TestManagementClient.OFFER;
import static io.github.vciconnector.web.management.TestManagementClient.OFFER_WITH_TX_CODE;
import static io.github.vciconnector.web.management.TestManagementClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /offers with Idempotency-Key: same key and body, same offer; same key and another body, 409. */
class IdempotentCreateTest extends ConnectorIntegrationTest {

    private final TestManagementClient client = new TestManagementClient(this::managementUri, null);

    @Test
    void createWhenRetriedWithSameKeyAndBodyThenSameOfferWithoutTxCode() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = client.post("/offers", OFFER_WITH_TX_CODE, "Idempotency-Key", key);
        HttpResponse<String> retry = client.post("/offers", OFFER_WITH_TX_CODE, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(json(retry).get("offer_id").asString()).isEqualTo(json(first).get("offer_id").asString());
        assertThat(json(retry).get("credential_offer_uri").asString()).isEqualTo(json(first).get("credential_offer_uri").asString());
        assertThat(json(retry).get("expires_at").asString()).isEqualTo(json(first).get("expires_at").asString());
        assertThat(json(first).has("tx_code")).isTrue();
        assertThat(json(retry).has("tx_code")).isFalse();
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void createWhenRetriedWithMembersInAnotherOrderThenSameOffer() {
        String key = UUID.randomUUID().toString();
        String reordered = "{\"claims\":{\"family_name\":\"Mustermann\",\"given_name\":\"Erika\"},"
                + "\"credential_configuration_id\":\"IdentityCredential\"}";

        JsonNode first = json(client.post("/offers", OFFER, "Idempotency-Key", key));
        JsonNode retry = json(client.post("/offers", reordered, "Idempotency-Key", key));

        assertThat(retry.get("offer_id").asString()).isEqualTo(first.get("offer_id").asString());
    }

    @Test
    void createWhenSameKeyWithAnotherBodyThenConflictProblem() {
        String key = UUID.randomUUID().toString();
        client.post("/offers", OFFER, "Idempotency-Key", key);

        HttpResponse<String> response = client.post("/offers", OFFER.replace("Erika", "Max"), "Idempotency-Key", key);

        assertThat(response.statusCode()).isEqualTo(409);
        OffersApiTest.assertProblem(response, "idempotency-key-reused");
        assertThat(json(response).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void createWhenKeyTooLongThenProblemNamingTheHeader() {
        HttpResponse<String> response = client.post("/offers", OFFER, "Idempotency-Key", "k".repeat(256));

        assertThat(response.statusCode()).isEqualTo(400);
        OffersApiTest.assertProblem(response, "invalid-idempotency-key");
    }

    @Test
    void createWhenFirstRequestWasInvalidThenKeyStaysFreeForTheCorrectedOne() {
        String key = UUID.randomUUID().toString();
        assertThat(client.post("/offers", OFFER.replace(",\"family_name\":\"Mustermann\"", ""), "Idempotency-Key", key)
                .statusCode()).isEqualTo(400);

        assertThat(client.post("/offers", OFFER, "Idempotency-Key", key).statusCode()).isEqualTo(201);
    }

    @Test
    void createWhenSameKeySentConcurrentlyThenOneOffer() throws Exception {
        String key = UUID.randomUUID().toString();
        var start = new CountDownLatch(1);
        var calls = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return client.post("/offers", OFFER, "Idempotency-Key", key);
            }));
        }
        start.countDown();

        List<String> offerIds = new ArrayList<>();
        for (var call : calls) {
            HttpResponse<String> response = call.get();
            assertThat(response.statusCode()).isEqualTo(201);
            offerIds.add(json(response).get("offer_id").asString());
        }
        assertThat(offerIds).hasSize(8).containsOnly(offerIds.get(0));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
