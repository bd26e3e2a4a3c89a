package io.github.vciconnector.replicas;

import io.github.vciconnector.config.ConfigurationFailureAnalyzer;
import io.github.vciconnector.jose.Sha256;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.redis.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * H-1 on a real Redis: someone who reads every key learns nothing that redeems an offer, and the master secret
 * rotates with a grace period. Three replicas share one Redis: one on the old master secret, one rotated (new,
 * previous = old) and one on the new secret alone, as after the grace period.
 */
class MasterSecretRedisTest {

    private static final String PREFIX = LocalRedis.uniquePrefix();
    private static final List<String> LABELS = List.of("offer-secrets", "c-nonce", "dpop-nonce", "claims-encryption");
    @TempDir
    static Path keys;
    private static String issuer;
    private static Map<String, Object> base;
    private static byte[] oldMaster;
    private static ConnectorInstance old;
    private static ConnectorInstance rotated;
    private static ConnectorInstance renewed;
    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void startReplicas() throws Exception {
        LocalRedis.require(MasterSecretRedisTest.class.getSimpleName());
        base = new HashMap<>(SharedIssuerKeys.write(keys));
        base.put("connector.session-store", "redis");
        base.put("spring.data.redis.url", "redis://" + LocalRedis.HOST + ":" + LocalRedis.PORT);
        base.put("connector.redis.key-prefix", PREFIX);
        String oldFile = (String) base.remove("connector.secrets.key-file");
        oldMaster = Files.readAllBytes(Path.of(oldFile));
        String newFile = SharedIssuerKeys.writeMasterSecret(keys.resolve("new-master.key"));
        int port = ConnectorInstance.freePort();
        issuer = "http://localhost:" + port;
        old = ConnectorInstance.start(port, issuer, with(Map.of("connector.secrets.key-file", oldFile)));
        rotated = ConnectorInstance.start(ConnectorInstance.freePort(), issuer,
                with(Map.of("connector.secrets.key-file", newFile, "connector.secrets.previous-key-file", oldFile)));
        renewed = ConnectorInstance.start(ConnectorInstance.freePort(), issuer, with(Map.of("connector.secrets.key-file", newFile)));
        factory = LocalRedis.connectionFactory(LocalRedis.PORT);
        redis = LocalRedis.template(factory);
    }

    @AfterAll
    static void stopReplicas() {
        for (ConnectorInstance replica : new ConnectorInstance[] {old, rotated, renewed}) if (replica != null) replica.close();
        if (redis == null) return;
        LocalRedis.deleteKeys(redis, PREFIX);
        factory.destroy();
    }

    @Test
    void redisWhenReadCompletelyThenNoKeyMaterialNoClaimNoTxCodeAndNothingThatRedeems() {
        var wallet = new TestWallet(issuer);
        var offer = TestWallet.json(createOffer(old));
        String offerId = (String) offer.get("offer_id");
        String txCode = (String) offer.get("tx_code");
        String code = wallet.preAuthorizedCode(old, (String) offer.get("credential_offer_uri"));

        List<String> everything = readEveryKey();
        String dump = String.join("\n", everything);
        assertThat(redis.keys(PREFIX + "secret:*")).isEmpty();
        assertThat(dump).contains(offerId).doesNotContain("Zoltan-7f3a", "Quixote-91bc", code);
        assertThat(Pattern.compile("(?<![0-9])" + txCode + "(?![0-9])").matcher(dump).find()).as("tx_code in clear").isFalse();
        for (String form : encodings(oldMaster)) assertThat(dump).doesNotContain(form);
        for (String label : LABELS) {
            for (String form : encodings(ServerSecrets.of(oldMaster, null).derive(label, 32).get(0))) assertThat(dump).doesNotContain(form);
        }

        // Every value found, used as an HMAC key directly or as a master secret, derives neither the code nor a tx_code hash that verifies
        String codeHash = Sha256.base64Url(code);
        String storedTxCodeHash = storedMember(dump, "txCodeHash");
        List<String> candidates = new ArrayList<>();
        for (byte[] key : candidateKeys(everything)) {
            String derivedCode = b64(hmac(key, "pre-authorized-code:" + offerId));
            assertThat(Sha256.base64Url(derivedCode)).isNotEqualTo(codeHash);
            assertThat(b64(hmac(key, "tx-code:" + offerId + ":" + txCode))).isNotEqualTo(storedTxCodeHash);
            candidates.add(derivedCode);
        }
        assertThat(candidates).hasSizeGreaterThan(20);
        for (String forged : candidates.subList(0, 3)) {
            assertThat(TestWallet.json(wallet.token(old, forged, txCode))).containsEntry("error", "invalid_grant");
        }
        // The real code and tx_code still work: the attack failed for want of the secret, not because the offer broke
        assertThat(wallet.token(rotated, code, txCode).statusCode()).isEqualTo(200);
    }

    @Test
    void flowWhenOfferMadeUnderPreviousMasterSecretThenCompletesOnRotatedReplica() throws Exception {
        var wallet = new TestWallet(issuer);
        var offer = TestWallet.json(createOffer(old));
        String code = wallet.preAuthorizedCode(rotated, (String) offer.get("credential_offer_uri"));
        String cNonce = wallet.cNonce(old);  // c_nonce and DPoP nonce made under the old secret

        var token = wallet.token(rotated, code, (String) offer.get("tx_code"));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        var credential = wallet.credential(rotated, (String) TestWallet.json(token).get("access_token"), cNonce);

        assertThat(credential.statusCode()).as("claims sealed under the old secret decrypt: " + credential.body()).isEqualTo(200);
        MultiReplicaTest.assertSignedForHolder(credential, wallet.holderKey());
    }

    @Test
    void offerWhenMadeUnderPreviousMasterSecretThenDeadOnceThePreviousSecretIsRemoved() {
        var wallet = new TestWallet(issuer);
        var offer = TestWallet.json(createOffer(old));
        String code = wallet.preAuthorizedCode(old, (String) offer.get("credential_offer_uri"));

        assertThat(fetch(renewed, (String) offer.get("credential_offer_uri")).statusCode()).isEqualTo(404);
        assertThat(TestWallet.json(wallet.token(renewed, code, (String) offer.get("tx_code")))).containsEntry("error", "invalid_grant");
        assertThat(MultiReplicaTest.status(renewed, (String) offer.get("offer_id"))).isEqualTo("OFFER_CREATED");
    }

    @Test
    void offerWhenMadeOnRotatedReplicaThenRedeemsOnReplicaWithTheSameCurrentSecret() {
        var wallet = new TestWallet(issuer);
        var offer = TestWallet.json(createOffer(rotated));
        String code = wallet.preAuthorizedCode(renewed, (String) offer.get("credential_offer_uri"));
        assertThat(wallet.token(renewed, code, (String) offer.get("tx_code")).statusCode()).isEqualTo(200);
    }

    @Test
    void startWhenRedisStoreWithoutMasterSecretThenRefusedWithOneReadableLine() {
        assertThatThrownBy(() -> ConnectorInstance.start(ConnectorInstance.freePort(), null, base).close())
                .satisfies(failure -> assertThat(new ConfigurationFailureAnalyzer().analyze(failure).getDescription())
                        .startsWith("The connector configuration is invalid: CONNECTOR_SECRETS_KEY_FILE (or CONNECTOR_SECRETS_KEY) "
                                + "is not set: the Redis session store").doesNotContain("\n"));
    }

    @Test
    void startWhenMasterSecretLowEntropyThenRefusedNamingTheVariable() {
        String weak = Base64.getEncoder().encodeToString("0".repeat(40).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> ConnectorInstance.start(ConnectorInstance.freePort(), null, with(Map.of("connector.secrets.key", weak))).close())
                .satisfies(failure -> assertThat(new ConfigurationFailureAnalyzer().analyze(failure).getDescription())
                        .contains("CONNECTOR_SECRETS_KEY: the master secret does not look random").doesNotContain(weak));
    }

    private static Map<String, Object> with(Map<String, Object> secrets) {
        var settings = new HashMap<>(base);
        settings.putAll(secrets);
        return settings;
    }

    private static HttpResponse<String> createOffer(ConnectorInstance replica) {
        String body = "{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"Zoltan-7f3a\","
                + "\"family_name\":\"Quixote-91bc\"},\"tx_code\":{\"input_mode\":\"numeric\",\"length\":8}}";
        var response = TestWallet.send(HttpRequest.newBuilder(replica.managementUri("/offers")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static HttpResponse<String> fetch(ConnectorInstance replica, String credentialOfferUri) {
        String url = URLDecoder.decode(credentialOfferUri.substring(credentialOfferUri.indexOf('=') + 1), StandardCharsets.UTF_8);
        return TestWallet.send(HttpRequest.newBuilder(replica.publicUri(URI.create(url).getRawPath())).GET().build());
    }

    /** Every key under the prefix and every value, member and score in it, as an attacker with read access sees them. */
    private static List<String> readEveryKey() {
        var out = new ArrayList<String>();
        for (String key : redis.keys(PREFIX + "*")) {
            out.add(key);
            DataType type = redis.type(key);
            if (type == DataType.STRING) out.add(redis.opsForValue().get(key));
            else if (type == DataType.HASH) redis.opsForHash().entries(key).forEach((f, v) -> {
                out.add(f.toString());
                out.add(v.toString());
            });
            else if (type == DataType.ZSET) redis.opsForZSet().rangeWithScores(key, 0, -1)
                    .forEach(t -> out.add(t.getValue() + " " + t.getScore()));
            else if (type == DataType.SET) out.addAll(redis.opsForSet().members(key));
            else if (type == DataType.LIST) out.addAll(redis.opsForList().range(key, 0, -1));
        }
        return out;
    }

    /** Each value, each of its tokens, and each token's base64url decoding: anything that could be a key. */
    private static Set<byte[]> candidateKeys(List<String> values) {
        var keys = new LinkedHashSet<byte[]>();
        for (String value : values) {
            keys.add(value.getBytes(StandardCharsets.UTF_8));
            for (String token : value.split("[^A-Za-z0-9_-]+")) {
                if (token.isEmpty()) continue;
                keys.add(token.getBytes(StandardCharsets.UTF_8));
                try {
                    byte[] decoded = Base64.getUrlDecoder().decode(token);
                    if (decoded.length == 0) continue;
                    keys.add(decoded);
                    try {
                        // ... or taken for a master secret and run through the connector's own derivation
                        keys.add(ServerSecrets.of(decoded, null).derive("offer-secrets", 32).get(0));
                    } catch (IllegalArgumentException weak) {
                        // too short or not random: the connector would refuse it as a master secret anyway
                    }
                } catch (IllegalArgumentException notBase64) {
                    // not every token is base64url
                }
            }
        }
        return keys;
    }

    private static String storedMember(String dump, String name) {
        var matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(dump);
        assertThat(matcher.find()).as(name + " stored").isTrue();
        return matcher.group(1);
    }

    private static List<String> encodings(byte[] bytes) {
        return List.of(Base64.getEncoder().encodeToString(bytes), b64(bytes), HexFormat.of().formatHex(bytes),
                new String(bytes, StandardCharsets.ISO_8859_1));
    }

    private static byte[] hmac(byte[] key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
