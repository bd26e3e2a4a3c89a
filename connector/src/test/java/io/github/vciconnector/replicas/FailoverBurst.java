package io.github.vciconnector.replicas;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of complete flows (offer, offer fetch, token, credential) from several wallets at once against one
 * connector, while the test kills a Redis master; then what issue 15 asks of a failover: every answer that was not a
 * success was 503 with {@code Retry-After} (and the flow stopped there, as a wallet would retry later), flows after
 * the promotion succeed, and every offer gets exactly its callbacks: one OFFER_CREATED per created offer, one ISSUED
 * per credential, the same event id whenever an event is delivered again, nothing else.
 */
final class FailoverBurst {

    private static final int WALLETS = 4;

    /** A refused step: which one, its status and its Retry-After. */
    record Refusal(String step, int status, String retryAfter, String body, long atMillis) {
    }

    private final ConnectorInstance connector;
    private final String issuer;
    private final ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> issued = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final long start = System.nanoTime();
    private int flows;

    FailoverBurst(ConnectorInstance connector, String issuer) {
        this.connector = connector;
        this.issuer = issuer;
    }

    /**
     * Runs the burst for {@code before}, then {@code failover} (kills a master), then the burst for {@code after};
     * then {@code settled} complete flows one by one, each of which must succeed. Prints the refusals in the window.
     */
    void run(Duration before, Runnable failover, Duration after, int settled, String topology, boolean healthDownExpected) throws Exception {
        ExecutorService wallets = Executors.newFixedThreadPool(WALLETS + 1);
        var health = new ConcurrentLinkedQueue<long[]>(); // {millis, HTTP status}
        wallets.submit(() -> {
            while (running.get()) {
                health.add(new long[]{millis(), healthStatus()});
                Thread.sleep(250);
            }
            return null;
        });
        var counts = new ArrayList<java.util.concurrent.Future<Integer>>();
        for (int i = 0; i < WALLETS; i++) counts.add(wallets.submit(this::flowsUntilStopped));
        Thread.sleep(before.toMillis());
        long killedAt = millis();
        failover.run();
        Thread.sleep(after.toMillis());
        running.set(false);
        wallets.shutdown();
        assertThat(wallets.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (var count : counts) flows += count.get();
        // On a slow machine the promotion may outlast the burst: wait for it (its refusals are checked like the rest)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!flow()) {
            assertThat(System.nanoTime()).as("a flow succeeds within 20 s after the burst").isLessThan(deadline);
            Thread.sleep(200);
        }
        for (int i = 0; i < settled; i++) assertThat(flow()).as("a flow after the promotion, refusals " + refusals).isTrue();
        assertThat(healthStatus()).as("health after the promotion").isEqualTo(200);
        long down = health.stream().filter(sample -> sample[0] >= killedAt && sample[1] != 200).count();
        System.out.printf("%n=== %s failover: health answered DOWN (503) in %d of %d samples after the kill, UP afterwards%n",
                topology, down, health.stream().filter(sample -> sample[0] >= killedAt).count());
        if (healthDownExpected) assertThat(down).as("health reflects the outage").isPositive();

        long last = refusals.stream().mapToLong(Refusal::atMillis).max().orElse(killedAt);
        System.out.printf("%n=== %s failover: %d flows in the burst, %d refused with 503 in the window of %d ms after the kill"
                        + " (last refusal %d ms after it); by step: %s%n%n", topology, flows, refusals.size(), after.toMillis(),
                last - killedAt, byStep());
        assertThat(refusals).as("during a failover only 503 with Retry-After")
                .allSatisfy(r -> {
                    assertThat(r.status()).as(r.toString()).isEqualTo(503);
                    assertThat(r.retryAfter()).as(r.toString()).isEqualTo("5");
                });
        assertThat(refusals).as("refused only after the kill").allMatch(r -> r.atMillis() >= killedAt);
        assertThat(issued).as("flows completed").isNotEmpty();
    }

    private int healthStatus() {
        return TestWallet.send(HttpRequest.newBuilder(connector.managementUri("/actuator/health")).build()).statusCode();
    }

    private Map<String, Integer> byStep() {
        var steps = new HashMap<String, Integer>();
        refusals.forEach(r -> steps.merge(r.step(), 1, Integer::sum));
        return steps;
    }

    /** Waits until every created offer got its OFFER_CREATED and every issued one its ISSUED; checks there is nothing else. */
    void assertCallbacks(WireMockServer receiver, String path, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Map<String, Set<Object>>> events;
        do {
            events = new HashMap<>();
            for (LoggedRequest request : receiver.findAll(postRequestedFor(urlEqualTo(path)))) {
                Map<String, Object> event = parse(request.getBodyAsString());
                events.computeIfAbsent((String) event.get("offerId"), id -> new HashMap<>())
                        .computeIfAbsent((String) event.get("status"), s -> new HashSet<>()).add(event.get("eventId"));
            }
            if (complete(events)) break;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        for (String offerId : created) {
            var byStatus = events.getOrDefault(offerId, Map.of());
            assertThat(byStatus.get("OFFER_CREATED")).as("OFFER_CREATED of " + offerId + ", one event id").hasSize(1);
            Set<String> expected = issued.contains(offerId) ? Set.of("OFFER_CREATED", "ISSUED") : Set.of("OFFER_CREATED");
            assertThat(byStatus.keySet()).as("callbacks of " + offerId).isEqualTo(expected);
            if (issued.contains(offerId)) assertThat(byStatus.get("ISSUED")).as("ISSUED of " + offerId + ", one event id").hasSize(1);
        }
        System.out.printf("=== callbacks: %d offers created, %d issued, each with exactly its events%n", created.size(), issued.size());
    }

    private boolean complete(Map<String, Map<String, Set<Object>>> events) {
        for (String offerId : created) {
            var byStatus = events.get(offerId);
            if (byStatus == null || !byStatus.containsKey("OFFER_CREATED")) return false;
            if (issued.contains(offerId) && !byStatus.containsKey("ISSUED")) return false;
        }
        return true;
    }

    private int flowsUntilStopped() {
        int count = 0;
        while (running.get()) {
            flow();
            count++;
        }
        return count;
    }

    /** One flow; true when it got its credential, false when a step was refused (recorded). */
    private boolean flow() {
        try {
            var wallet = new TestWallet(issuer);
            var offer = TestWallet.createOffer(connector, false);
            if (refused("offer", offer, 201)) return false;
            String offerId = (String) TestWallet.json(offer).get("offer_id");
            created.add(offerId);
            String uri = (String) TestWallet.json(offer).get("credential_offer_uri");
            String url = URLDecoder.decode(uri.substring(uri.indexOf('=') + 1), StandardCharsets.UTF_8);
            var fetched = TestWallet.send(HttpRequest.newBuilder(connector.publicUri(URI.create(url).getRawPath())).GET().build());
            if (refused("offer fetch", fetched, 200)) return false;
            Map<?, ?> grants = (Map<?, ?>) TestWallet.json(fetched).get("grants");
            String code = (String) ((Map<?, ?>) grants.get(TestWallet.PRE_AUTHORIZED_CODE_GRANT)).get("pre-authorized_code");
            String cNonce = wallet.cNonce(connector); // stateless: also the DPoP nonce
            var token = wallet.token(connector, code, null);
            if (refused("token", token, 200)) return false;
            var credential = wallet.credential(connector, (String) TestWallet.json(token).get("access_token"), cNonce);
            if (refused("credential", credential, 200)) return false;
            issued.add(offerId);
            return true;
        } catch (IllegalStateException e) {
            refusals.add(new Refusal("connection", -1, null, e.getMessage(), millis()));
            return false;
        }
    }

    private boolean refused(String step, HttpResponse<String> response, int expected) {
        if (response.statusCode() == expected) return false;
        refusals.add(new Refusal(step, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                response.body(), millis()));
        return true;
    }

    private long millis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static Map<String, Object> parse(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
