package io.github.vciconnector.replicas;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.session.redis.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Pending callbacks live in Redis: an event that replica A could not deliver before it stopped is delivered by B. */
class CallbackHandoverTest {

    @TempDir
    static Path keys;
    private static final String PREFIX = LocalRedis.uniquePrefix();
    private static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());
    private static ConnectorInstance a;
    private static ConnectorInstance b;

    @Test
    void callbackWhenReplicaStopsBeforeDeliveryThenOtherReplicaDeliversSameEvent() throws Exception {
        LocalRedis.require(CallbackHandoverTest.class.getSimpleName());
        RECEIVER.start();
        RECEIVER.stubFor(post("/hook").willReturn(aResponse().withStatus(500)));
        var settings = new HashMap<String, Object>(SharedIssuerKeys.write(keys));
        settings.put("connector.session-store", "redis");
        settings.put("spring.data.redis.url", "redis://" + LocalRedis.HOST + ":" + LocalRedis.PORT);
        settings.put("connector.redis.key-prefix", PREFIX);
        settings.put("connector.callback.url", RECEIVER.baseUrl() + "/hook");
        settings.put("connector.callback.timeout", "1s");
        settings.put("connector.callback.initial-backoff", "300ms");
        settings.put("connector.callback.max-backoff", "600ms");
        settings.put("connector.callback.poll-interval", "100ms");
        int portA = ConnectorInstance.freePort();
        a = ConnectorInstance.start(portA, "http://localhost:" + portA, settings);
        b = ConnectorInstance.start(ConnectorInstance.freePort(), "http://localhost:" + portA, settings);

        String offerId = createOffer(a);
        // A tried and failed: the event is pending in Redis
        Object failedEventId = awaitRequests(offerId, 1, Duration.ofSeconds(10)).get(0).get("eventId");
        a.close();
        RECEIVER.resetAll();
        RECEIVER.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));

        List<Map<String, Object>> delivered = awaitRequests(offerId, 1, Duration.ofSeconds(15));
        assertThat(delivered).extracting(e -> e.get("status")).containsOnly("OFFER_CREATED");
        Set<Object> eventIds = delivered.stream().map(e -> e.get("eventId")).collect(Collectors.toSet());
        assertThat(eventIds).containsExactly(failedEventId);
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
        if (RECEIVER.isRunning()) RECEIVER.stop();
        if (b == null) return;
        var factory = LocalRedis.connectionFactory(LocalRedis.PORT);
        LocalRedis.deleteKeys(LocalRedis.template(factory), PREFIX);
        factory.destroy();
    }

    private static String createOffer(ConnectorInstance replica) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(replica.managementUri("/offers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"credential_configuration_id": "IdentityCredential",
                         "claims": {"given_name": "Erika", "family_name": "Mustermann"}}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return (String) JSONObjectUtils.parse(response.body()).get("offer_id");
    }

    private static List<Map<String, Object>> awaitRequests(String offerId, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var events = new java.util.ArrayList<Map<String, Object>>();
            for (LoggedRequest request : RECEIVER.findAll(postRequestedFor(urlEqualTo("/hook")))) {
                Map<String, Object> event = JSONObjectUtils.parse(request.getBodyAsString());
                if (offerId.equals(event.get("offerId"))) events.add(event);
            }
            if (events.size() >= count || System.nanoTime() > deadline) return events;
            Thread.sleep(50);
        }
    }
}
