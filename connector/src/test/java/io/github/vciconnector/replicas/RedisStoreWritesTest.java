package io.github.vciconnector.replicas;

import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.session.redis.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * M-2 with the real Redis store: a burst of token requests with valid self-made DPoP proofs and garbage codes adds no
 * key (under {@code noeviction} such keys would end in refused writes for everyone), and the DPoP replay key an
 * accepted proof leaves has one size whatever its {@code jti}. Keys are counted with SCAN under a prefix of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisStoreWritesTest {

    private static final int GARBAGE_REQUESTS = 1_000;
    private static final String PREFIX = LocalRedis.uniquePrefix();
    private static ConnectorInstance connector;
    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void start() {
        LocalRedis.require(RedisStoreWritesTest.class.getSimpleName());
        connector = ConnectorInstance.start(ConnectorInstance.freePort(), null, Map.of(
                "connector.session-store", "redis",
                "spring.data.redis.url", "redis://" + LocalRedis.HOST + ":" + LocalRedis.PORT,
                "connector.redis.key-prefix", PREFIX,
                "connector.secrets.key", TestMasterSecrets.base64()));
        factory = LocalRedis.connectionFactory(LocalRedis.PORT);
        redis = LocalRedis.template(factory);
    }

    @AfterAll
    static void stop() {
        if (connector != null) connector.close();
        if (redis != null) LocalRedis.deleteKeys(redis, PREFIX);
        if (factory != null) factory.destroy();
    }

    @Test
    @Order(1)
    void tokenWhenBurstOfGarbageCodesWithValidProofsThenInvalidGrantAndNoNewKeys() throws Exception {
        var wallet = new TestWallet(issuer());
        wallet.cNonce(connector);  // the DPoP nonce, and the server keys it needs, before the count
        long before = keys("*").size();

        var pool = Executors.newFixedThreadPool(4);
        try {
            var answers = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < GARBAGE_REQUESTS; i++) {
                String code = "garbage-" + i;
                answers.add(pool.submit(() -> wallet.tokenWithProof(connector, code, null, wallet.dpopProof("POST", "/oidc4vci/token", null))));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
                assertThat(TestWallet.json(response)).containsEntry("error", "invalid_grant");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(keys("*")).as("keys left by %d refused requests", GARBAGE_REQUESTS).hasSize((int) before);
    }

    @Test
    @Order(2)
    void tokenWhenAcceptedWithShortOrLongJtiThenReplayKeyOfFixedSizeAndReplayRefused() {
        var wallet = new TestWallet(issuer());
        wallet.cNonce(connector);
        for (String jti : List.of("j", "j".repeat(256))) {
            String code = wallet.preAuthorizedCode(connector,
                    (String) TestWallet.json(TestWallet.createOffer(connector, false)).get("credential_offer_uri"));
            String proof = DPoPProofs.builder("POST", URI.create(issuer() + "/oidc4vci/token"), wallet.dpopKey(), Instant.now())
                    .claim("jti", jti).claim("nonce", wallet.dpopNonce()).build();
            List<String> before = keys("value:dpop-jti:*");

            assertThat(wallet.tokenWithProof(connector, code, null, proof).statusCode()).isEqualTo(200);

            List<String> added = new ArrayList<>(keys("value:dpop-jti:*"));
            added.removeAll(before);
            assertThat(added).singleElement().satisfies(key -> assertThat(key).hasSize((PREFIX + "value:dpop-jti:").length() + 22));

            String other = wallet.preAuthorizedCode(connector,
                    (String) TestWallet.json(TestWallet.createOffer(connector, false)).get("credential_offer_uri"));
            var replay = wallet.tokenWithProof(connector, other, null, proof);
            assertThat(replay.statusCode()).isEqualTo(400);
            assertThat(TestWallet.json(replay)).containsEntry("error", "invalid_dpop_proof")
                    .containsEntry("error_description", "DPoP proof replayed");
        }
    }

    private static String issuer() {
        return connector.publicUri("").toString();
    }

    private static List<String> keys(String pattern) {
        var found = new ArrayList<String>();
        try (var cursor = redis.scan(ScanOptions.scanOptions().match(PREFIX + pattern).count(1000).build())) {
            cursor.forEachRemaining(found::add);
        }
        return found;
    }
}
