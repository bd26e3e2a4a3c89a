package io.github.vciconnector.webhook;

import io.github.vciconnector.session.TestSessions;
import io.github.vciconnector.session.OfferId;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.vciconnector.session.Callback;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.Leases;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.memory.InMemorySessionStore;
import io.github.vciconnector.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback dispatcher against a real HTTP receiver (WireMock on a random port, stopped after each test) over the
 * real in-memory store, with a clock the test moves so that retries fall due only when the test says so: delivery
 * and its bookkeeping, retry with backoff on 5xx with the same event id, Standard Webhooks signature headers, order
 * per offer, and the lease that lets one dispatcher at a time deliver an offer (DESIGN §5, §6).
 */
class CallbackDispatcherTest {

    private static final String PATH = "/callbacks";
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(randomBytes(32));
    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(10);
    private static final Duration MAX_AGE = Duration.ofHours(1);

    private final WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore(clock, Duration.ofHours(24));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<CallbackDispatcher> dispatchers = new ArrayList<>();

    @BeforeEach
    void startReceiver() {
        receiver.start();
        answer(200);
    }

    @AfterEach
    void stop() {
        dispatchers.forEach(CallbackDispatcher::stop);
        receiver.stop();
    }

    @Test
    void deliverSoonWhenReceiverAcceptsThenEventIsPostedAndMarkedDelivered() {
        var dispatcher = dispatcher(SECRET);
        String offerId = offer();

        dispatcher.deliverSoon(offerId);

        awaitCallback(offerId, 0, c -> c.delivery() == Callback.Delivery.DELIVERED);
        var requests = requests();
        assertThat(requests).hasSize(1);
        Map<String, Object> body = json(requests.get(0).getBody());
        var callback = callbacks(offerId).get(0);
        assertThat(body).containsEntry("eventId", callback.eventId()).containsEntry("status", "OFFER_CREATED")
                .containsEntry("offerId", offerId).doesNotContainKey("errorDetails");
        assertThat(requests.get(0).getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(meters.counter("connector.callbacks.delivered").count()).isEqualTo(1);
    }

    @Test
    void deliverSoonWhenSecretIsSetThenStandardWebhooksHeadersSignTheExactBody() {
        var dispatcher = dispatcher(SECRET);
        String offerId = offer();

        dispatcher.deliverSoon(offerId);

        awaitCallback(offerId, 0, c -> c.delivery() == Callback.Delivery.DELIVERED);
        LoggedRequest request = requests().get(0);
        String eventId = callbacks(offerId).get(0).eventId();
        long timestamp = clock.instant().getEpochSecond();
        assertThat(request.getHeader("webhook-id")).isEqualTo(eventId);
        assertThat(request.getHeader("webhook-timestamp")).isEqualTo(Long.toString(timestamp));
        assertThat(request.getHeader("webhook-signature")).startsWith("v1,")
                .isEqualTo(new WebhookSignature(SECRET).sign(eventId, timestamp, request.getBody()));
    }

    @Test
    void deliverSoonWhenNoSecretThenNoSignatureHeaders() {
        var dispatcher = dispatcher(null);
        String offerId = offer();

        dispatcher.deliverSoon(offerId);

        awaitCallback(offerId, 0, c -> c.delivery() == Callback.Delivery.DELIVERED);
        LoggedRequest request = requests().get(0);
        assertThat(request.containsHeader("webhook-signature")).isFalse();
        assertThat(request.containsHeader("webhook-id")).isFalse();
    }

    @Test
    void deliverSoonWhenReceiverAnswers503ThenRetriedWithBackoffAndTheSameEventId() throws InterruptedException {
        answer(503);
        var dispatcher = dispatcher(SECRET);
        String offerId = offer();
        Instant failedAt = clock.instant();

        dispatcher.deliverSoon(offerId);

        Callback failed = awaitCallback(offerId, 0, c -> c.attempts() == 1);
        assertThat(failed.delivery()).isEqualTo(Callback.Delivery.PENDING);
        assertThat(failed.lastError()).isEqualTo("HTTP 503");
        // between half and all of initial-backoff * 2^0
        assertThat(failed.nextAttemptAt()).isBetween(failedAt.plus(INITIAL_BACKOFF.dividedBy(2)), failedAt.plus(INITIAL_BACKOFF));
        assertThat(meters.counter("connector.callbacks.retried").count()).isEqualTo(1);

        Thread.sleep(300); // several polls: nothing is due before nextAttemptAt
        assertThat(requests()).hasSize(1);

        answer(200);
        clock.advance(INITIAL_BACKOFF);
        awaitCallback(offerId, 0, c -> c.delivery() == Callback.Delivery.DELIVERED);
        assertThat(requests()).extracting(r -> r.getHeader("webhook-id")).containsExactly(failed.eventId(), failed.eventId());
    }

    @Test
    void deliverSoonWhenReceiverFailsTwiceThenTheSecondWaitIsLonger() {
        answer(500);
        var dispatcher = dispatcher(SECRET);
        String offerId = offer();
        dispatcher.deliverSoon(offerId);
        Callback first = awaitCallback(offerId, 0, c -> c.attempts() == 1);

        clock.advance(Duration.between(clock.instant(), first.nextAttemptAt()));
        Instant secondAttemptAt = clock.instant();
        Callback second = awaitCallback(offerId, 0, c -> c.attempts() == 2);

        // initial-backoff * 2^1, jittered to its upper half
        assertThat(second.nextAttemptAt()).isBetween(secondAttemptAt.plus(INITIAL_BACKOFF), secondAttemptAt.plus(INITIAL_BACKOFF.multipliedBy(2)));
        assertThat(second.lastError()).isEqualTo("HTTP 500");
    }

    @Test
    void deliverSoonWhenPastMaxAgeThenUndeliverableAndNotRetried() throws InterruptedException {
        answer(503);
        var dispatcher = dispatcher(SECRET);
        String offerId = offer();
        clock.advance(MAX_AGE);

        dispatcher.deliverSoon(offerId);

        awaitCallback(offerId, 0, c -> c.delivery() == Callback.Delivery.UNDELIVERABLE);
        assertThat(meters.counter("connector.callbacks.undeliverable").count()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        Thread.sleep(300);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void deliverSoonWhenOfferHasTwoEventsThenTheyArePostedInOrder() {
        var dispatcher = dispatcher(SECRET);
        String offerId = offer();
        store.transition(new OfferId(offerId), s -> Optional.of(s.ended(OfferStatus.FAILED, "tx_code locked", clock.instant())));

        dispatcher.deliverSoon(offerId);

        awaitCallback(offerId, 1, c -> c.delivery() == Callback.Delivery.DELIVERED);
        assertThat(requests()).extracting(r -> json(r.getBody()).get("status"))
                .containsExactly("OFFER_CREATED", "FAILED");
    }

    @Test
    void deliverSoonWhenAnotherReplicaHoldsTheLeaseThenNothingIsSentUntilItIsReleased() throws InterruptedException {
        var dispatcher = dispatcher(SECRET);
        String offerId = offer();
        var lease = store.acquire(Leases.Kind.CALLBACK_DELIVERY, offerId, Duration.ofMinutes(1)).orElseThrow();

        dispatcher.deliverSoon(offerId);
        Thread.sleep(300);

        assertThat(requests()).isEmpty();
        assertThat(callbacks(offerId).get(0).delivery()).isEqualTo(Callback.Delivery.PENDING);

        store.release(lease);
        awaitCallback(offerId, 0, c -> c.delivery() == Callback.Delivery.DELIVERED);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void deliverSoonWhenTwoDispatchersShareTheStoreThenEachEventIsPostedOnce() throws InterruptedException {
        receiver.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(200)));
        var first = dispatcher(SECRET);
        var second = dispatcher(SECRET);
        String offerId = offer();

        first.deliverSoon(offerId);
        second.deliverSoon(offerId);

        awaitCallback(offerId, 0, c -> c.delivery() == Callback.Delivery.DELIVERED);
        Thread.sleep(300);
        assertThat(requests()).hasSize(1);
    }

    /** A started dispatcher as {@code WebhookConfiguration} builds it, polling every 50 ms of real time. */
    private CallbackDispatcher dispatcher(String secret) {
        var properties = new CallbackProperties(URI.create(receiver.baseUrl() + PATH), secret, Duration.ofSeconds(2), MAX_AGE,
                INITIAL_BACKOFF, Duration.ofMinutes(5), Duration.ofMillis(50), 2, Duration.ofSeconds(2));
        var dispatcher = new CallbackDispatcher(store, store, new CallbackSender(properties, JsonMapper.builder().build(), clock),
                properties, new CallbackMetrics(meters), clock, new SecureRandom());
        dispatcher.start();
        dispatchers.add(dispatcher);
        return dispatcher;
    }

    /** A new offer: its outbox opens with the OFFER_CREATED event. */
    private String offer() {
        String offerId = TestSessions.newOfferId().value();
        store.create(IssuanceSession.created(offerId, "IdentityCredential", Map.of("given_name", "Erika"), TestSessions.newTokenHash().value(),
                null, null, clock.instant(), clock.instant().plus(Duration.ofMinutes(10)), MAX_AGE));
        return offerId;
    }

    private void answer(int status) {
        receiver.resetMappings();
        receiver.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)));
    }

    private List<LoggedRequest> requests() {
        return receiver.findAll(postRequestedFor(urlPathEqualTo(PATH)));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(byte[] body) {
        return JsonMapper.builder().build().readValue(body, Map.class);
    }

    private List<Callback> callbacks(String offerId) {
        return store.findById(new OfferId(offerId)).orElseThrow().outbox().events();
    }

    /** Waits up to 5 s of real time for the offer's {@code index}-th callback to satisfy {@code condition}. */
    private Callback awaitCallback(String offerId, int index, Predicate<Callback> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        BooleanSupplier met = () -> callbacks(offerId).size() > index && condition.test(callbacks(offerId).get(index));
        while (!met.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("callback " + index + " of " + offerId + " is " + callbacks(offerId));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return callbacks(offerId).get(index);
    }
}
