package io.github.vciconnector.replicas;

import io.github.vciconnector.session.redis.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connector whose Redis is away: wallet and management requests answer 503 with a clear error and
 * {@code Retry-After}, health is DOWN, and service resumes by itself, without a restart, once Redis answers again.
 * The connector points at a port of its own, where the test starts, freezes and kills a private redis-server.
 * The first test sees a replica that started while Redis was away, before it could load any server secret.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisOutageTest {

    private static final int REDIS_PORT = ConnectorInstance.freePort();
    private static ConnectorInstance connector;
    private static String issuer;

    @BeforeAll
    static void startConnector() {
        int port = ConnectorInstance.freePort();
        issuer = "http://localhost:" + port;
        connector = ConnectorInstance.start(port, issuer, Map.of(
                "connector.session-store", "redis",
                "spring.data.redis.url", "redis://" + LocalRedis.HOST + ":" + REDIS_PORT,
                "connector.redis.key-prefix", LocalRedis.uniquePrefix(),
                "connector.secrets.key", TestMasterSecrets.base64(),
                "management.endpoint.health.show-components", "always"));
    }

    @AfterAll
    static void stopConnector() {
        if (connector != null) connector.close();
    }

    @Test
    @Order(1)
    void requestsWhenRedisUnreachableThenServiceUnavailableWithoutInternals() {
        var offer = TestWallet.createOffer(connector, false);
        assertThat(offer.statusCode()).isEqualTo(503);
        assertThat(offer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(offer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(TestWallet.json(offer)).containsEntry("status", 503L)
                .containsEntry("type", "https://github.com/vciconnector/issuer-connector/problems/session-store-unavailable");

        var wallet = new TestWallet(issuer);
        var nonce = post("/oidc4vci/nonce");
        wallet.cNonce(connector); // the DPoP nonce, so the token request gets as far as the store
        var token = wallet.tokenWithProof(connector, "some-code", null, wallet.dpopProof("POST", "/oidc4vci/token", null));
        var credentialOffer = TestWallet.send(HttpRequest.newBuilder(connector.publicUri("/oidc4vci/offers/" + "A".repeat(44))).build());
        // Keys come from the master secret, not Redis: the stateless Nonce Endpoint still answers, and a forged
        // offer reference is refused before the store is asked
        assertThat(nonce.statusCode()).isEqualTo(200);
        assertThat(credentialOffer.statusCode()).isEqualTo(404);
        for (var response : new HttpResponse[]{token}) {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(TestWallet.json(response)).containsOnly(Map.entry("error", "temporarily_unavailable"),
                    Map.entry("error_description", "the issuer is temporarily unavailable, retry later"));
        }
        assertHealth(503, "DOWN");
    }

    @Test
    @Order(2)
    void serviceWhenRedisFrozenKilledAndBackThenResumesByItself() throws Exception {
        RedisServerProcess.requireInstalled(RedisOutageTest.class.getSimpleName());
        try (var redis = new RedisServerProcess(REDIS_PORT)) {
            redis.start();
            awaitStatus(201, () -> TestWallet.createOffer(connector, false));
            assertHealth(200, "UP");

            var wallet = new TestWallet(issuer);
            var offer = TestWallet.json(TestWallet.createOffer(connector, false));
            var token = wallet.token(connector, wallet.preAuthorizedCode(connector, (String) offer.get("credential_offer_uri")), null);
            String accessToken = (String) TestWallet.json(token).get("access_token");
            String cNonce = wallet.cNonce(connector);

            redis.freeze(); // connections stay open, commands time out
            assertThat(wallet.credential(connector, accessToken, cNonce).statusCode()).isEqualTo(503);
            assertHealth(503, "DOWN");
            redis.thaw();
            var credential = wallet.credential(connector, accessToken, cNonce);
            assertThat(credential.statusCode()).as(credential.body()).isEqualTo(200);
            MultiReplicaTest.assertSignedForHolder(credential, wallet.holderKey());

            redis.stop(); // connections drop; commands are refused at once while Lettuce reconnects
            assertThat(TestWallet.createOffer(connector, false).statusCode()).isEqualTo(503);
            redis.start();
            awaitStatus(201, () -> TestWallet.createOffer(connector, false));
            assertHealth(200, "UP");
        }
    }

    private static HttpResponse<String> post(String path) {
        return TestWallet.send(HttpRequest.newBuilder(connector.publicUri(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @SuppressWarnings("unchecked")
    private static void assertHealth(int httpStatus, String status) {
        var health = TestWallet.send(HttpRequest.newBuilder(connector.managementUri("/actuator/health")).build());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(httpStatus);
        var components = (Map<String, Object>) TestWallet.json(health).get("components");
        assertThat((Map<String, Object>) components.get("redis")).containsEntry("status", status);
    }

    /** Repeats {@code request} until it answers {@code status}; Lettuce reconnects at most 2 s apart. */
    private static void awaitStatus(int status, Supplier<HttpResponse<String>> request) {
        var deadline = Instant.now().plus(Duration.ofSeconds(15));
        int last;
        do {
            last = request.get().statusCode();
            if (last == status) return;
            RedisServerProcess.pause(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("expected HTTP " + status + " within 15 s, last answer " + last);
    }
}
