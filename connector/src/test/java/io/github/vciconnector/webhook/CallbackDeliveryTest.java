package io.github.vciconnector.webhook;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletOptions;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import io.github.vciconnector.support.TestOffers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/** Callback delivery against a WireMock receiver that misbehaves (DESIGN §5, issue "callbacks that never get lost"). */
@TestPropertySource(properties = {
        "connector.callback.secret=" + CallbackDeliveryTest.SECRET,
        "connector.callback.timeout=1s",
        "connector.callback.initial-backoff=100ms",
        "connector.callback.max-backoff=400ms",
        "connector.callback.poll-interval=100ms",
        "connector.callback.max-age=4s",
        "connector.offers.sweep-interval=200ms"})
class CallbackDeliveryTest extends ConnectorIntegrationTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());

    static {
        RECEIVER.start();
    }

    /** This class's context is its own (its properties are), so nothing calls the receiver after it. */
    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        registry.add("connector.callback.url", () -> RECEIVER.baseUrl() + "/hook");
    }

    /**
     * Retries left over from an earlier test (other offers) would hit this test's stubs and advance its scenarios,
     * so they are let through first: accept everything until the receiver has been quiet for longer than the
     * longest backoff, then start from a clean receiver.
     */
    @BeforeEach
    void drainEarlierDeliveries() throws Exception {
        RECEIVER.resetAll();
        RECEIVER.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
        int seen = -1;
        while (seen != RECEIVER.getAllServeEvents().size()) {
            seen = RECEIVER.getAllServeEvents().size();
            Thread.sleep(700);
        }
        RECEIVER.resetAll();
    }

    @Test
    void callbacksWhenReceiverDownForAWhileThenAllArriveInOrderOncePerEventId() throws Exception {
        StubMapping down = RECEIVER.stubFor(post("/hook").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Map<String, Object> offer = createOffer(TestOffers.ERIKA);
        wallet().receive((String) offer.get("credential_offer_uri"), null, 1);
        Thread.sleep(1000);
        assertThat(received(offerIdIs(offer))).isNotEmpty().allSatisfy(e -> assertThat(e).isNotNull()); // attempts were made

        RECEIVER.removeStub(down);
        RECEIVER.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));

        List<Map<String, Object>> unique = awaitUnique(offerIdIs(offer), 2);
        assertThat(unique).extracting(e -> e.get("status")).containsExactly("OFFER_CREATED", "ISSUED");
    }

    @Test
    void callbackWhenReceiverAnswers500TwiceThenDeliveredOnThirdAttemptWithSameEventId() throws Exception {
        RECEIVER.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("once"));
        RECEIVER.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("twice"));
        RECEIVER.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs("twice")
                .willReturn(aResponse().withStatus(200)));
        Map<String, Object> offer = createOffer(TestOffers.ERIKA);

        awaitRequests(offerIdIs(offer), 3);
        List<Map<String, Object>> attempts = received(offerIdIs(offer));
        assertThat(attempts).hasSize(3).extracting(e -> e.get("eventId")).containsOnly(attempts.get(0).get("eventId"));
        Thread.sleep(500);
        assertThat(received(offerIdIs(offer))).hasSize(3); // delivered: no fourth attempt
        assertThat(prometheus()).contains("connector_callbacks_retried_total").contains("connector_callbacks_delivered_total");
    }

    @Test
    void callbackWhenSecretConfiguredThenStandardWebhooksSignatureVerifiesIndependently() throws Exception {
        RECEIVER.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
        Map<String, Object> offer = createOffer(TestOffers.ERIKA);
        awaitRequests(offerIdIs(offer), 1);

        LoggedRequest request = requests(offerIdIs(offer)).get(0);
        String id = request.getHeader("webhook-id");
        String timestamp = request.getHeader("webhook-timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + request.getBodyAsString()).getBytes(StandardCharsets.UTF_8)));

        assertThat(request.getHeader("webhook-signature")).isEqualTo(expected);
        assertThat(id).isEqualTo(JSONObjectUtils.parse(request.getBodyAsString()).get("eventId"));
        assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(30L));
    }

    @Test
    void offerWhenLeftAloneThenExactlyOneExpiredCallbackAndClaimsGone() throws Exception {
        RECEIVER.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
        Map<String, Object> offer = createOffer(TestOffers.ERIKA.replace("}}", "}, \"expires_in\": 1}"));

        awaitUnique(offerIdIs(offer), 2);
        Thread.sleep(800); // several more sweeps
        assertThat(unique(received(offerIdIs(offer)))).extracting(e -> e.get("status")).containsExactly("OFFER_CREATED", "EXPIRED");
        var status = HTTP.send(HttpRequest.newBuilder(managementUri("/offers/" + offer.get("offer_id"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.body()).contains("\"EXPIRED\"").doesNotContain("Erika");
    }

    @Test
    void tokenAndCredentialWhenReceiverHangsThenNotSlowedDown() throws Exception {
        wallet().receive((String) createOffer(TestOffers.ERIKA).get("credential_offer_uri"), null, 1); // warm-up
        RECEIVER.stubFor(post("/hook").willReturn(aResponse().withStatus(204).withFixedDelay(3000)));
        Map<String, Object> offer = createOffer(TestOffers.ERIKA);

        long started = System.nanoTime();
        wallet().receive((String) offer.get("credential_offer_uri"), null, 1);
        Duration flow = Duration.ofNanos(System.nanoTime() - started);

        // The receiver holds each callback for 3 s; a flow that waited for even one of them would take longer.
        assertThat(flow).isLessThan(Duration.ofMillis(2000));
    }

    @Test
    void callbackWhenUndeliverableUntilMaxAgeThenMarkedAndRedeliverable() throws Exception {
        RECEIVER.stubFor(post("/hook").willReturn(aResponse().withStatus(503)));
        Map<String, Object> offer = createOffer(TestOffers.ERIKA);
        String statusUrl = "/offers/" + offer.get("offer_id");
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (!get(statusUrl).contains("UNDELIVERABLE") && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(get(statusUrl)).contains("UNDELIVERABLE");
        assertThat(prometheus()).containsPattern("connector_callbacks_undeliverable_total\\S* [1-9]");

        RECEIVER.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
        var redeliver = HTTP.send(HttpRequest.newBuilder(managementUri(statusUrl + "/callbacks/redeliver"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(redeliver.statusCode()).isEqualTo(200);
        assertThat(redeliver.body()).contains("\"requeued\":1");
        long before = requests(offerIdIs(offer)).size();
        awaitRequests(offerIdIs(offer), (int) before + 1);
        Thread.sleep(300);
        assertThat(get(statusUrl)).doesNotContain("UNDELIVERABLE");
    }

    private WalletClient wallet() {
        return new WalletClient(HTTP, WalletOptions.defaults());
    }

    private Map<String, Object> createOffer(String body) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(managementUri("/offers")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSONObjectUtils.parse(response.body());
    }

    private String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(managementUri(path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String prometheus() throws Exception {
        return get("/actuator/prometheus");
    }

    private static Predicate<Map<String, Object>> offerIdIs(Map<String, Object> offer) {
        return event -> offer.get("offer_id").equals(event.get("offerId"));
    }

    private static List<LoggedRequest> requests(Predicate<Map<String, Object>> filter) throws Exception {
        var result = new ArrayList<LoggedRequest>();
        for (LoggedRequest request : RECEIVER.findAll(postRequestedFor(urlEqualTo("/hook")))) {
            if (filter.test(JSONObjectUtils.parse(request.getBodyAsString()))) result.add(request);
        }
        return result;
    }

    private static List<Map<String, Object>> received(Predicate<Map<String, Object>> filter) throws Exception {
        var events = new ArrayList<Map<String, Object>>();
        for (LoggedRequest request : requests(filter)) events.add(JSONObjectUtils.parse(request.getBodyAsString()));
        return events;
    }

    /** Receiver-side de-duplication by eventId, keeping arrival order of first occurrences. */
    private static List<Map<String, Object>> unique(List<Map<String, Object>> events) {
        var byId = new LinkedHashMap<Object, Map<String, Object>>();
        for (Map<String, Object> event : events) byId.putIfAbsent(event.get("eventId"), event);
        return new ArrayList<>(byId.values());
    }

    private static List<Map<String, Object>> awaitUnique(Predicate<Map<String, Object>> filter, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Map<String, Object>> events = unique(received(filter));
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            events = unique(received(filter));
        }
        return events;
    }

    private static void awaitRequests(Predicate<Map<String, Object>> filter, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (requests(filter).size() < count && System.nanoTime() < deadline) Thread.sleep(50);
    }
}
