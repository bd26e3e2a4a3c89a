package io.github.vciconnector.flow;

import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.HttpResult;
import io.github.vciconnector.demo.IssuanceResult;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Notification Endpoint (checklist M): idempotent 204s, precise errors, and what each event does to the offer. */
class NotificationEndpointTest extends WalletFlowTest {

    private final WalletClient wallet = wallet();
    private IssuanceResult issued;
    private String offerId;

    @BeforeEach
    void issue() throws Exception {
        Map<String, Object> offer = createOffer();
        offerId = (String) offer.get("offer_id");
        issued = wallet.receive((String) offer.get("credential_offer_uri"), null, 1);
    }

    @Test
    void credentialResponseWhenIssuedThenCarriesNotificationIdAndMetadataAdvertisesEndpoint() {
        assertThat(issued.notificationId()).isNotBlank();  // VCI-CRS-3
        assertThat(metadata().credentialIssuer()).containsEntry("notification_endpoint", issuer() + "/oidc4vci/notification");
    }

    @Test
    void notificationWhenAcceptedTwiceThenNoContentBothTimesAndOfferStaysIssued() throws Exception {
        assertThat(notify(Map.of("notification_id", issued.notificationId(), "event", "credential_accepted")).status()).isEqualTo(204);
        assertThat(notify(Map.of("notification_id", issued.notificationId(), "event", "credential_accepted")).status()).isEqualTo(204);  // VCI-NOT-2
        assertThat(offerStatus()).contains("\"status\":\"ISSUED\"");
    }

    @Test
    void notificationWhenCredentialFailureAfterIssuanceThenOfferStaysIssuedAndNoFailedCallback() throws Exception {
        var body = Map.of("notification_id", issued.notificationId(), "event", "credential_failure",
                "event_description", "storage full, see https://evil.example");
        assertThat(notify(body).status()).isEqualTo(204);
        assertThat(notify(body).status()).isEqualTo(204);  // VCI-NOT-2: repeated, still fine

        // Issue 17 L-7: the credential is out; a wallet's report neither turns the offer FAILED nor reaches the backend.
        String status = offerStatus();
        assertThat(status).contains("\"status\":\"ISSUED\"").doesNotContain("FAILED").doesNotContain("storage full");
        assertThat((java.util.List<Object>) com.nimbusds.jose.util.JSONObjectUtils.parse(status).get("callbacks"))
                .extracting(c -> (Object) ((Map<?, ?>) c).get("status")).containsExactly("OFFER_CREATED", "ISSUED");
        callbacksFor(offerId, 2);
        Thread.sleep(300);
        var events = callbacksFor(offerId, 2);
        assertThat(events).extracting(e -> e.get("status")).containsExactly("OFFER_CREATED", "ISSUED");
        assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain("storage full"));
    }

    @Test
    void notificationWhenCredentialFailureThenWalletMayStillAskAgainWithItsToken() {
        var body = Map.of("notification_id", issued.notificationId(), "event", "credential_failure");
        assertThat(notify(body).status()).isEqualTo(204);

        var again = wallet.requestCredential(issued.metadata(), "IdentityCredential", issued.accessToken(), issued.dpopKey(),
                java.util.List.of(WalletClient.generateKey()), wallet.requestNonce(issued.metadata()));
        assertThat(again.credentials()).hasSize(1);
    }

    @Test
    void notificationWhenIdUnknownThenInvalidNotificationId() {
        HttpResult result = notify(Map.of("notification_id", "not-ours", "event", "credential_accepted"));
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json()).containsEntry("error", "invalid_notification_id");  // VCI-NOT-3
    }

    @Test
    void notificationWhenEventUnknownThenInvalidNotificationRequest() {
        HttpResult result = notify(Map.of("notification_id", issued.notificationId(), "event", "CREDENTIAL_ACCEPTED"));
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json()).containsEntry("error", "invalid_notification_request");
    }

    @Test
    void notificationWhenNoAccessTokenThenUnauthorized() {
        HttpResult result = wallet.http().postJson(endpoint(), Map.of("notification_id", issued.notificationId(), "event", "credential_accepted"), Map.of());
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.header("WWW-Authenticate").orElseThrow()).startsWith("DPoP ");
    }

    private HttpResult notify(Map<String, ?> body) {
        String proof = DPoPProofs.buildDPoPProof("POST", endpoint(), issued.dpopKey(), issued.accessToken(), wallet.http().latestDPoPNonce());
        return wallet.http().postJson(endpoint(), body, Map.of("Authorization", "DPoP " + issued.accessToken(), "DPoP", proof));
    }

    private URI endpoint() {
        return URI.create(issuer() + "/oidc4vci/notification");
    }

    private String offerStatus() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(managementUri("/offers/" + offerId)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
