package io.github.vciconnector.replicas;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.session.Race;
import io.github.vciconnector.session.redis.LocalRedis;
import io.github.vciconnector.support.IndependentStatusListDecoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §9 with Redis and two replicas on one key prefix: a revocation on A is served by B within the publish
 * delay, and issuance racing on both replicas, across list roll-overs (lists of 64 entries), never hands out one
 * entry twice.
 */
class StatusListReplicaTest {

    private static final Duration PUBLISH_DELAY = Duration.ofSeconds(1);
    @TempDir
    static Path keys;
    private static final String PREFIX = LocalRedis.uniquePrefix();
    private static String issuer;
    private static ConnectorInstance a;
    private static ConnectorInstance b;

    @BeforeAll
    static void startReplicas() {
        LocalRedis.require(StatusListReplicaTest.class.getSimpleName());
        var settings = new HashMap<String, Object>(SharedIssuerKeys.write(keys));
        settings.put("connector.session-store", "redis");
        settings.put("spring.data.redis.url", "redis://" + LocalRedis.HOST + ":" + LocalRedis.PORT);
        settings.put("connector.redis.key-prefix", PREFIX);
        settings.put("connector.status-list.publish-delay", PUBLISH_DELAY.toMillis() + "ms");
        settings.put("connector.status-list.size", 64);
        int portA = ConnectorInstance.freePort();
        issuer = "http://localhost:" + portA;
        a = ConnectorInstance.start(portA, issuer, settings);
        b = ConnectorInstance.start(ConnectorInstance.freePort(), issuer, settings);
    }

    @AfterAll
    static void stopReplicas() {
        if (a == null) return;
        a.close();
        if (b != null) b.close();
        var factory = LocalRedis.connectionFactory(LocalRedis.PORT);
        LocalRedis.deleteKeys(LocalRedis.template(factory), PREFIX);
        factory.destroy();
    }

    @Test
    void revokeWhenOnReplicaAThenReplicaBServesItWithinThePublishDelay() throws Exception {
        var issued = issue(a);
        Map<String, Object> reference = reference(issued.credential());
        String path = URI.create((String) reference.get("uri")).getRawPath();
        int idx = ((Number) reference.get("idx")).intValue();
        assertThat(status(b, path, idx)).as("B has rendered the list before the revocation").isZero();

        var revoke = TestWallet.send(HttpRequest.newBuilder(a.managementUri("/offers/" + issued.offerId() + "/revoke"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        long revokedAt = System.nanoTime();
        assertThat(revoke.statusCode()).isEqualTo(204);
        assertThat(status(a, path, idx)).as("A serves its own revocation at once").isEqualTo(1);

        while (status(b, path, idx) == 0) {
            assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).as("visible on B within the publish delay")
                    .isLessThan(PUBLISH_DELAY.plusMillis(500));
            Thread.sleep(50);
        }
    }

    /** TSL-7: unique across replicas (one Lua script per allocation), also while lists fill and new ones start. */
    @Test
    void issuanceWhenRacingOnBothReplicasThenNoEntryTwice() {
        List<String> entries = Race.run(24, caller -> {
            var mine = new java.util.ArrayList<String>();
            for (int round = 0; round < 4; round++) {
                Map<String, Object> reference = reference(issue(caller % 2 == 0 ? a : b).credential());
                mine.add(reference.get("uri") + "#" + reference.get("idx"));
            }
            return String.join(" ", mine);
        });
        var all = entries.stream().flatMap(e -> List.of(e.split(" ")).stream()).toList();
        assertThat(all).hasSize(96);
        assertThat(new HashSet<>(all)).hasSize(96);
        assertThat(all.stream().map(e -> e.substring(0, e.indexOf('#'))).distinct().count()).as("lists of 64 filled up").isGreaterThan(1);
    }

    private record Issued(String offerId, String credential) {
    }

    /** One offer through the whole flow on {@code replica}, one credential. */
    private static Issued issue(ConnectorInstance replica) {
        var wallet = new TestWallet(issuer);
        var offer = TestWallet.json(TestWallet.createOffer(replica, false));
        String code = wallet.preAuthorizedCode(replica, (String) offer.get("credential_offer_uri"));
        String token = (String) TestWallet.json(wallet.token(replica, code, null)).get("access_token");
        var response = wallet.credential(replica, token, wallet.cNonce(replica));
        if (response.statusCode() != 200) throw new AssertionError("credential refused: " + response.body());
        @SuppressWarnings("unchecked")
        var credentials = (List<Map<String, Object>>) TestWallet.json(response).get("credentials");
        return new Issued((String) offer.get("offer_id"), (String) credentials.get(0).get("credential"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reference(String sdJwt) {
        try {
            var payload = JSONObjectUtils.parse(IndependentStatusListDecoder.payloadJson(sdJwt.split("~")[0]));
            return (Map<String, Object>) ((Map<String, Object>) payload.get("status")).get("status_list");
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static int status(ConnectorInstance replica, String path, int idx) throws Exception {
        var response = TestWallet.send(HttpRequest.newBuilder(replica.publicUri(path)).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        var statusList = (Map<String, Object>) JSONObjectUtils.parse(IndependentStatusListDecoder.payloadJson(response.body())).get("status_list");
        return IndependentStatusListDecoder.of(((Number) statusList.get("bits")).intValue(), (String) statusList.get("lst")).status(idx);
    }
}
