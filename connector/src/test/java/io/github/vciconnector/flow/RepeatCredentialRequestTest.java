package io.github.vciconnector.flow;

import io.github.vciconnector.session.OfferId;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.HttpResult;
import io.github.vciconnector.demo.IssuanceResult;
import io.github.vciconnector.demo.JwtKeyProofs;
import io.github.vciconnector.demo.SdJwtView;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.session.Race;
import io.github.vciconnector.session.OfferStore;
import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several Credential Requests on one access token (OID4VCI §14.3, VCI-CRS-6; issue 10): allowed while the token
 * lives, up to {@code max-credentials-per-offer} (default: the batch size, 10) in all, one ISSUED callback.
 */
class RepeatCredentialRequestTest extends WalletFlowTest {

    private final WalletClient wallet = wallet();
    private final JwtKeyProofs keyProofs = new JwtKeyProofs(null, Clock.systemUTC());
    private IssuanceResult first;
    private String offerId;

    @Autowired
    private OfferStore store;

    @BeforeEach
    void issueFirst() throws Exception {
        Map<String, Object> offer = createOffer();
        offerId = (String) offer.get("offer_id");
        first = wallet.receive((String) offer.get("credential_offer_uri"), null, 1);
    }

    @Test
    void credentialWhenRequestedAgainWithSameTokenThenIssuedCountedAndOneIssuedCallback() throws Exception {
        ECKey second = WalletClient.generateKey();
        HttpResult result = credential(List.of(second));

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        String credential = (String) ((Map<?, ?>) ((List<?>) result.json().get("credentials")).get(0)).get("credential");
        assertThat(SdJwtView.verify(credential).cnfJwk().computeThumbprint()).isEqualTo(second.computeThumbprint());
        assertThat(result.json()).containsEntry("notification_id", first.notificationId());
        Map<String, Object> status = offerStatus();
        assertThat(status).containsEntry("status", "ISSUED").containsEntry("credentials_issued", 2L);
        // The ISSUED event is queued once, at the first issuance, and delivered once.
        assertThat((List<Object>) status.get("callbacks")).extracting(c -> (Object) ((Map<?, ?>) c).get("status"))
                .containsExactly("OFFER_CREATED", "ISSUED");
        assertThat(callbacksFor(offerId, 2)).extracting(e -> e.get("status")).containsExactly("OFFER_CREATED", "ISSUED");
        Thread.sleep(300);
        assertThat(callbacksFor(offerId, 2)).extracting(e -> e.get("status")).containsExactly("OFFER_CREATED", "ISSUED");
    }

    @Test
    void credentialWhenOfferLimitWouldBeExceededThenCredentialRequestDeniedAndCountKept() throws Exception {
        assertThat(credential(keys(4)).status()).isEqualTo(200);

        HttpResult tooMany = credential(keys(6));  // 1 + 4 + 6 > 10
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json()).containsEntry("error", "credential_request_denied").containsEntry("error_description",
                "this request asks for 6 credential(s) but the offer allows 5 more (max-credentials-per-offer 10)");
        assertThat(credential(keys(5)).status()).isEqualTo(200);
        assertThat(credential(keys(1)).json()).containsEntry("error", "credential_request_denied");
        assertThat(offerStatus()).containsEntry("credentials_issued", 10L);
    }

    @Test
    void credentialWhenParallelRequestsOnOneTokenThenLimitHeldAndNoCountLost() throws Exception {
        var nonces = new ArrayList<String>();
        for (int i = 0; i < 12; i++) nonces.add(wallet.requestNonce(first.metadata()));

        List<HttpResult> results = Race.run(12, i -> credential(List.of(WalletClient.generateKey()), nonces.get(i)));

        assertThat(results).filteredOn(r -> r.status() == 200).hasSize(9);  // 1 + 9 = max-credentials-per-offer
        assertThat(results).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(r.json()).containsEntry("error", "credential_request_denied"));
        assertThat(offerStatus()).containsEntry("credentials_issued", 10L);
    }

    @Test
    void credentialWhenWalletSentCredentialAcceptedThenClaimsGoneAndRequestDenied() throws Exception {
        assertThat(store.findById(new OfferId(offerId)).orElseThrow().claims()).isNotNull();
        assertThat(notify("credential_accepted").status()).isEqualTo(204);

        assertThat(store.findById(new OfferId(offerId)).orElseThrow().claims()).isNull();
        HttpResult result = credential(keys(1));
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json()).containsEntry("error", "credential_request_denied")
                .containsEntry("error_description", "issuance for this offer was ended by the wallet's notification or the backend");
        assertThat(offerStatus()).containsEntry("status", "ISSUED").containsEntry("credentials_issued", 1L);
    }

    @Test
    void credentialWhenWalletSentCredentialDeletedThenNoFurtherCredential() {
        assertThat(notify("credential_deleted").status()).isEqualTo(204);

        assertThat(store.findById(new OfferId(offerId)).orElseThrow().claims()).isNull();
        assertThat(credential(keys(1)).json()).containsEntry("error", "credential_request_denied");
    }

    @Test
    void credentialWhenBackendDeletedTheIssuedOfferThenClaimsGoneNoFurtherCopyAndStillIssued() throws Exception {
        var deleted = HTTP.send(java.net.http.HttpRequest.newBuilder(managementUri("/offers/" + offerId)).DELETE().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(store.findById(new OfferId(offerId)).orElseThrow().claims()).isNull();
        assertThat(credential(keys(1)).json()).containsEntry("error", "credential_request_denied");
        assertThat(offerStatus()).containsEntry("status", "ISSUED").containsEntry("credentials_issued", 1L);
        // Idempotent: a second DELETE finds nothing left to delete and answers the same.
        assertThat(HTTP.send(java.net.http.HttpRequest.newBuilder(managementUri("/offers/" + offerId)).DELETE().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
    }

    private HttpResult credential(List<ECKey> holderKeys) {
        return credential(holderKeys, wallet.requestNonce(first.metadata()));
    }

    private HttpResult credential(List<ECKey> holderKeys, String cNonce) {
        URI endpoint = first.metadata().credentialEndpoint();
        Map<String, Object> body = Map.of("credential_configuration_id", "IdentityCredential",
                "proofs", keyProofs.proofs(holderKeys, cNonce, issuer()));
        String dpop = DPoPProofs.buildDPoPProof("POST", endpoint, first.dpopKey(), first.accessToken(), wallet.http().latestDPoPNonce());
        return wallet.http().postJson(endpoint, body, Map.of("Authorization", "DPoP " + first.accessToken(), "DPoP", dpop));
    }

    private HttpResult notify(String event) {
        URI endpoint = URI.create(issuer() + "/oidc4vci/notification");
        String dpop = DPoPProofs.buildDPoPProof("POST", endpoint, first.dpopKey(), first.accessToken(), wallet.http().latestDPoPNonce());
        return wallet.http().postJson(endpoint, Map.of("notification_id", first.notificationId(), "event", event),
                Map.of("Authorization", "DPoP " + first.accessToken(), "DPoP", dpop));
    }

    private static List<ECKey> keys(int count) {
        var keys = new ArrayList<ECKey>();
        for (int i = 0; i < count; i++) keys.add(WalletClient.generateKey());
        return keys;
    }

    private Map<String, Object> offerStatus() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(managementUri("/offers/" + offerId)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSONObjectUtils.parse(response.body());
    }
}
