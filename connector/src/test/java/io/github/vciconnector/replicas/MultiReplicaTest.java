package io.github.vciconnector.replicas;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.jose.Es256;
import io.github.vciconnector.session.Race;
import io.github.vciconnector.session.redis.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two connector replicas on different ports sharing one Redis and one issuer identifier, as behind a load balancer
 * without sticky sessions (DESIGN §6): every step may land on either replica, and every single-use rule holds
 * across both (VCI-OFF-4 pre-authorized code, DPOP-3 jti replay, VCI-TOK-4 tx_code lockout).
 */
class MultiReplicaTest {

    @TempDir
    static Path keys;
    private static final String PREFIX = LocalRedis.uniquePrefix();
    private static String issuer;
    private static ConnectorInstance a;
    private static ConnectorInstance b;

    @BeforeAll
    static void startReplicas() {
        LocalRedis.require(MultiReplicaTest.class.getSimpleName());
        var settings = new HashMap<String, Object>(SharedIssuerKeys.write(keys));
        settings.put("connector.session-store", "redis");
        settings.put("spring.data.redis.url", "redis://" + LocalRedis.HOST + ":" + LocalRedis.PORT);
        settings.put("connector.redis.key-prefix", PREFIX);
        int portA = ConnectorInstance.freePort();
        issuer = "http://localhost:" + portA;
        a = ConnectorInstance.start(portA, issuer, settings);
        b = ConnectorInstance.start(ConnectorInstance.freePort(), issuer, settings);
    }

    @AfterAll
    static void stopReplicas() {
        if (a == null) return; // skipped: no Redis, nothing to clean
        a.close();
        if (b != null) b.close();
        var factory = LocalRedis.connectionFactory(LocalRedis.PORT);
        LocalRedis.deleteKeys(LocalRedis.template(factory), PREFIX);
        factory.destroy();
    }

    @Test
    void flowWhenEveryStepOnAnotherReplicaThenCredentialIssued() throws Exception {
        var wallet = new TestWallet(issuer);
        var offer = TestWallet.json(TestWallet.createOffer(a, false));
        String code = wallet.preAuthorizedCode(b, (String) offer.get("credential_offer_uri"));

        var token = wallet.token(b, code, null);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String cNonce = wallet.cNonce(a);
        var credential = wallet.credential(b, (String) TestWallet.json(token).get("access_token"), cNonce);

        assertThat(credential.statusCode()).as(credential.body()).isEqualTo(200);
        assertSignedForHolder(credential, wallet.holderKey());
        assertThat(status(a, (String) offer.get("offer_id"))).isEqualTo("ISSUED");
    }

    @Test
    void dpopProofWhenReplayedOnOtherReplicaThenRefused() {
        var wallet = new TestWallet(issuer);
        String first = code(wallet, TestWallet.json(TestWallet.createOffer(a, false)));
        String second = code(wallet, TestWallet.json(TestWallet.createOffer(b, false)));
        wallet.cNonce(a); // picks up a server DPoP nonce
        String proof = wallet.dpopProof("POST", "/oidc4vci/token", null);

        assertThat(wallet.tokenWithProof(a, first, null, proof).statusCode()).isEqualTo(200);
        var replay = wallet.tokenWithProof(b, second, null, proof);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(TestWallet.json(replay)).containsEntry("error", "invalid_dpop_proof")
                .containsEntry("error_description", "DPoP proof replayed");
    }

    @Test
    void tokenWhen20RequestsForOneCodeSpreadOverReplicasThenExactlyOneSucceeds() {
        var wallet = new TestWallet(issuer);
        String code = code(wallet, TestWallet.json(TestWallet.createOffer(a, false)));
        wallet.cNonce(b);
        var proofs = new ArrayList<String>();
        for (int i = 0; i < 20; i++) proofs.add(wallet.dpopProof("POST", "/oidc4vci/token", null));

        List<HttpResponse<String>> responses = Race.run(20, i -> wallet.tokenWithProof(i % 2 == 0 ? a : b, code, null, proofs.get(i)));

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 200)
                .allSatisfy(r -> assertThat(TestWallet.json(r)).containsEntry("error", "invalid_grant"));
    }

    @Test
    void txCodeWhenWrongOnBothReplicasThenAttemptsAddUpToOneLockout() {
        var wallet = new TestWallet(issuer);
        var offer = TestWallet.json(TestWallet.createOffer(a, true));
        String offerId = (String) offer.get("offer_id");
        String txCode = (String) offer.get("tx_code");
        String wrong = (txCode.charAt(0) == '1' ? "2" : "1") + txCode.substring(1);
        String code = code(wallet, offer);

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(TestWallet.json(wallet.token(attempt % 2 == 0 ? a : b, code, wrong))).containsEntry("error", "invalid_grant");
        }
        assertThat(status(b, offerId)).isEqualTo("OFFER_CREATED");
        assertThat(TestWallet.json(wallet.token(b, code, wrong))).containsEntry("error", "invalid_grant");

        assertThat(status(a, offerId)).isEqualTo("FAILED");
        assertThat(TestWallet.json(wallet.token(a, code, txCode))).containsEntry("error", "invalid_grant");
    }

    @Test
    void credentialWhen12RequestsOnOneTokenSpreadOverReplicasThenLimitHeldAndEveryIssuanceCounted() {
        var wallet = new TestWallet(issuer);
        var offer = TestWallet.json(TestWallet.createOffer(a, false));
        String offerId = (String) offer.get("offer_id");
        var token = wallet.token(a, code(wallet, offer), null);
        String accessToken = (String) TestWallet.json(token).get("access_token");
        var nonces = new ArrayList<String>();
        for (int i = 0; i < 12; i++) nonces.add(wallet.cNonce(i % 2 == 0 ? a : b));

        List<HttpResponse<String>> responses = Race.run(12, i -> wallet.credential(i % 2 == 0 ? b : a, accessToken, nonces.get(i)));

        // Issue 10: repeat requests on one token, at most max-credentials-per-offer (default batch_size 10) in all,
        // counted by compare-and-set in Redis so that no replica overshoots or overwrites another's count.
        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(10);
        assertThat(responses).filteredOn(r -> r.statusCode() != 200)
                .allSatisfy(r -> assertThat(TestWallet.json(r)).containsEntry("error", "credential_request_denied"));
        var snapshot = TestWallet.json(TestWallet.send(HttpRequest.newBuilder(b.managementUri("/offers/" + offerId)).GET().build()));
        assertThat(snapshot).containsEntry("status", "ISSUED").containsEntry("credentials_issued", 10L);
        assertThat((List<?>) snapshot.get("callbacks")).filteredOn(c -> "ISSUED".equals(((Map<?, ?>) c).get("status"))).hasSize(1);
    }

    private String code(TestWallet wallet, Map<String, Object> offer) {
        return wallet.preAuthorizedCode(a, (String) offer.get("credential_offer_uri"));
    }

    static String status(ConnectorInstance replica, String offerId) {
        var response = TestWallet.send(HttpRequest.newBuilder(replica.managementUri("/offers/" + offerId)).GET().build());
        return (String) TestWallet.json(response).get("status");
    }

    /** SDJWT: the issuer-signed JWT verifies with the leaf of its x5c and is bound to the holder key. */
    @SuppressWarnings("unchecked")
    static void assertSignedForHolder(HttpResponse<String> response, ECKey holderKey) throws Exception {
        var credentials = (List<Map<String, Object>>) TestWallet.json(response).get("credentials");
        var jwt = SignedJWT.parse(((String) credentials.get(0).get("credential")).split("~")[0]);
        var leaf = X509CertUtils.parse(jwt.getHeader().getX509CertChain().get(0).decode());
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("dc+sd-jwt");
        assertThat(jwt.verify(Es256.verifier((ECPublicKey) leaf.getPublicKey()))).isTrue();
        var cnf = (Map<String, Object>) jwt.getJWTClaimsSet().getJSONObjectClaim("cnf");
        assertThat(ECKey.parse((Map<String, Object>) cnf.get("jwk")).computeThumbprint()).isEqualTo(holderKey.computeThumbprint());
    }
}
