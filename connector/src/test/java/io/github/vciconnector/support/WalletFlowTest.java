package io.github.vciconnector.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.demo.IssuerMetadata;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletOptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Base of end-to-end tests: the running connector, a WireMock callback receiver, the demo wallet (a standalone
 * client that speaks only the standards) and helpers to create offers through the management API.
 */
public abstract class WalletFlowTest extends ConnectorIntegrationTest {

    /**
     * One receiver for every subclass: their contexts are cached and shared, and each keeps this receiver's URL, so it
     * must outlive all of them; it stops when the test JVM does. Tests tell their callbacks apart by offer id.
     */
    protected static final WireMockServer CALLBACKS = new WireMockServer(options().dynamicPort());

    static {
        CALLBACKS.start();
        CALLBACKS.stubFor(post("/callbacks").willReturn(aResponse().withStatus(204)));
        Runtime.getRuntime().addShutdownHook(new Thread(CALLBACKS::stop, "wallet-flow-callback-receiver-stop"));
    }

    @DynamicPropertySource
    static void callbackReceiver(DynamicPropertyRegistry registry) {
        registry.add("connector.callback.url", () -> CALLBACKS.baseUrl() + "/callbacks");
    }

    protected WalletClient wallet() {
        return new WalletClient(HTTP, WalletOptions.defaults());
    }

    protected IssuerMetadata metadata() {
        return wallet().fetchMetadata(issuer());
    }

    /** Creates an offer for the given claims; returns the 201 body. */
    protected Map<String, Object> createOffer(String json) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(managementUri("/offers")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) throw new AssertionError("offer not created: " + response.statusCode() + " " + response.body());
        return JSONObjectUtils.parse(response.body());
    }

    protected Map<String, Object> createOffer() throws Exception {
        return createOffer(TestOffers.ERIKA);
    }

    /** The URL inside the {@code openid-credential-offer://} link. */
    protected static String offerUrl(Map<String, Object> offer) {
        String link = (String) offer.get("credential_offer_uri");
        return URLDecoder.decode(link.substring(link.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    /** Callbacks received for one offer, in arrival order, waiting until at least {@code count} arrived. */
    protected static List<Map<String, Object>> callbacksFor(String offerId, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            var events = new ArrayList<Map<String, Object>>();
            for (LoggedRequest request : CALLBACKS.findAll(postRequestedFor(urlEqualTo("/callbacks")))) {
                Map<String, Object> event = parse(request.getBodyAsString());
                if (offerId.equals(event.get("offerId"))) events.add(event);
            }
            if (events.size() >= count || System.nanoTime() > deadline) return events;
            Thread.sleep(50);
        }
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new AssertionError("callback body is not JSON: " + json);
        }
    }
}
