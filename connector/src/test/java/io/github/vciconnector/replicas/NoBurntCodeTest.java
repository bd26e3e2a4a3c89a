package io.github.vciconnector.replicas;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, no burnt codes: a token request whose store writes fail part-way leaves the pre-authorized code
 * redeemable. A private redis-server refuses, for the connector's Redis user, first every script (the session's
 * compare-and-set, the grant itself), then every write to the access token index, with real NOPERM errors. The
 * wallet gets 503 with {@code Retry-After}; once Redis accepts the writes again, the same code is exchanged for a
 * token that gets a credential. Before the grant was one store step, the first case burnt the code: its index
 * entry was deleted before the script failed, and the retry got {@code invalid_grant}.
 */
class NoBurntCodeTest {

    private static final int REDIS_PORT = ConnectorInstance.freePort();
    private static final String PREFIX = "vcc-burnt:";
    private static final String ALL_KEYS = "~*";
    private static RedisServerProcess redis;
    private static ConnectorInstance connector;
    private static String issuer;

    @BeforeAll
    static void start() {
        RedisServerProcess.requireInstalled(NoBurntCodeTest.class.getSimpleName());
        redis = new RedisServerProcess(REDIS_PORT);
        redis.start();
        redis.command("ACL", "SETUSER", "connector", "on", ">connector-password", ALL_KEYS, "&*", "+@all");
        int port = ConnectorInstance.freePort();
        issuer = "http://localhost:" + port;
        connector = ConnectorInstance.start(port, issuer, Map.of(
                "connector.session-store", "redis",
                "spring.data.redis.url", "redis://connector:connector-password@localhost:" + REDIS_PORT,
                "connector.redis.key-prefix", PREFIX,
                "connector.secrets.key", TestMasterSecrets.base64()));
    }

    @AfterAll
    static void stop() {
        if (connector != null) connector.close();
        if (redis != null) redis.close();
    }

    @Test
    void tokenWhenTheGrantScriptFailsThenTheCodeStaysRedeemable() throws Exception {
        redeemAfterRefusal("-@scripting", "+@scripting");
    }

    @Test
    void tokenWhenTheTokenIndexWriteFailsThenTheCodeStaysRedeemable() throws Exception {
        redeemAfterRefusal("resetkeys " + "~" + PREFIX + "session:* ~" + PREFIX + "code:* ~" + PREFIX + "value:* ~"
                + PREFIX + "index:* ~" + PREFIX + "entry:*", ALL_KEYS);
    }

    /** Claiming an Idempotency-Key and storing its offer are two store steps: a retry repairs a failure between. */
    @Test
    void offerWhenStoringFailsAfterTheKeyIsClaimedThenARetryWithTheKeyStoresIt() {
        String key = "order-" + System.nanoTime();
        setUser("resetkeys ~" + PREFIX + "value:* ~" + PREFIX + "entry:* ~" + PREFIX + "code:*");
        HttpResponse<String> refused;
        try {
            refused = createOffer(key);
        } finally {
            setUser(ALL_KEYS);
        }
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);

        var retried = createOffer(key);
        assertThat(retried.statusCode()).as("the Idempotency-Key is not burnt: " + retried.body()).isEqualTo(201);
        var again = createOffer(key);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(TestWallet.json(again).get("offer_id")).isEqualTo(TestWallet.json(retried).get("offer_id"));
        var wallet = new TestWallet(issuer);
        var token = wallet.token(connector, wallet.preAuthorizedCode(connector, (String) TestWallet.json(retried).get("credential_offer_uri")), null);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    }

    private static HttpResponse<String> createOffer(String idempotencyKey) {
        String body = "{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"Erika\","
                + "\"family_name\":\"Mustermann\"}}";
        return TestWallet.send(java.net.http.HttpRequest.newBuilder(connector.managementUri("/offers"))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void redeemAfterRefusal(String refuse, String allow) throws Exception {
        var wallet = new TestWallet(issuer);
        var offer = TestWallet.json(TestWallet.createOffer(connector, false));
        String code = wallet.preAuthorizedCode(connector, (String) offer.get("credential_offer_uri"));
        wallet.cNonce(connector); // the DPoP nonce, so the token request reaches its store writes at once

        setUser(refuse);
        HttpResponse<String> refused;
        try {
            refused = wallet.token(connector, code, null);
        } finally {
            setUser(allow);
        }
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");

        var token = wallet.token(connector, code, null);
        assertThat(token.statusCode()).as("the code is not burnt: " + token.body()).isEqualTo(200);
        var credential = wallet.credential(connector, (String) TestWallet.json(token).get("access_token"), wallet.cNonce(connector));
        assertThat(credential.statusCode()).as(credential.body()).isEqualTo(200);
        MultiReplicaTest.assertSignedForHolder(credential, wallet.holderKey());
    }

    private static void setUser(String rules) {
        var args = new java.util.ArrayList<>(java.util.List.of("ACL", "SETUSER", "connector"));
        args.addAll(java.util.List.of(rules.split(" ")));
        assertThat(redis.command(args.toArray(String[]::new))).isEqualTo("OK");
    }
}
