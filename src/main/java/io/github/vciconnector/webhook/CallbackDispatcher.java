package io.github.vciconnector.webhook;

import io.github.vciconnector.issuance.CredentialsIssued;
import io.github.vciconnector.offer.OfferCreated;
import io.github.vciconnector.offer.OfferEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Turns offer and issuance events into callbacks and POSTs them off the request thread, one at a time, so the
 * events of an offer leave in the order they happened. Retries with exponential backoff and jitter.
 */
public class CallbackDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final int MAX_ATTEMPTS = 6;

    private final CallbackProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final WebhookSignature signature;
    private final HttpClient http;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "callback-dispatcher");
        thread.setDaemon(true);
        return thread;
    });

    public CallbackDispatcher(CallbackProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.signature = properties.secret() == null || properties.secret().isEmpty() ? null : new WebhookSignature(properties.secret());
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @EventListener
    public void on(OfferCreated event) {
        enqueue(new CallbackEvent(UUID.randomUUID().toString(), "OFFER_CREATED", event.offerId(), event.at(), null));
    }

    @EventListener
    public void on(CredentialsIssued event) {
        enqueue(new CallbackEvent(UUID.randomUUID().toString(), "ISSUED", event.offerId(), event.at(), null));
    }

    @EventListener
    public void on(OfferEnded event) {
        enqueue(new CallbackEvent(UUID.randomUUID().toString(), event.status().name(), event.offerId(), event.at(), event.reason()));
    }

    private void enqueue(CallbackEvent event) {
        if (properties.url() == null) return;
        worker.execute(() -> deliver(event));
    }

    private void deliver(CallbackEvent event) {
        byte[] body = json.writeValueAsBytes(event);
        long backoffMillis = 200;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                int status = post(event, body);
                if (status / 100 == 2) return;
                log.warn("callback {} for offer {} answered HTTP {} (attempt {})", event.status(), event.offerId(), status, attempt);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                log.warn("callback {} for offer {} failed: {} (attempt {})", event.status(), event.offerId(), e.getClass().getSimpleName(), attempt);
            }
            if (!sleep(backoffMillis + (long) (Math.random() * backoffMillis))) return;
            backoffMillis *= 2;
        }
        log.error("callback {} for offer {} undeliverable after {} attempts", event.status(), event.offerId(), MAX_ATTEMPTS);
    }

    private int post(CallbackEvent event, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(properties.url()).timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            long timestamp = clock.instant().getEpochSecond();
            request.header("webhook-id", event.eventId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature.sign(event.eventId(), timestamp, body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
