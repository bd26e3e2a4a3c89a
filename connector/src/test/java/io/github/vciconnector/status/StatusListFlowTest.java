package io.github.vciconnector.status;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.demo.SdJwtView;
import io.github.vciconnector.jose.Es256;
import io.github.vciconnector.support.IndependentStatusListDecoder;
import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §9, checklist P, end to end: every credential references its own Token Status List entry; the list token
 * is public, signed with the credential's certificate, and read here by a decoder that shares nothing with the
 * connector's encoder; a revocation turns each entry of the offer to INVALID.
 */
class StatusListFlowTest extends WalletFlowTest {

    /** TSL-1, TSL-2, TSL-5, TSL-6: the reference, the token's shape, its signature by the credential's leaf. */
    @Test
    void credentialWhenIssuedThenReferencesEntryValidInListSignedByCredentialCertificate() throws Exception {
        var credential = SdJwtView.verify(wallet().receive((String) createOffer().get("credential_offer_uri"), null, 1)
                .credentials().get(0));
        Map<String, Object> reference = statusList(credential);
        String uri = (String) reference.get("uri");
        assertThat(uri).matches(issuer() + "/oidc4vci/status-lists/[A-Za-z0-9_-]{22}");

        HttpResponse<String> response = get(uri, "application/statuslist+jwt", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/statuslist+jwt");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
        SignedJWT token = SignedJWT.parse(response.body());
        assertThat(token.getHeader().getType().getType()).isEqualTo("statuslist+jwt");
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        var leaf = X509CertUtils.parse(token.getHeader().getX509CertChain().get(0).decode());
        assertThat(leaf).isEqualTo(credential.certificateChain().get(0));
        assertThat(token.verify(Es256.verifier((ECPublicKey) leaf.getPublicKey()))).isTrue();
        Map<String, Object> payload = JSONObjectUtils.parse(IndependentStatusListDecoder.payloadJson(response.body()));
        assertThat(payload).containsEntry("sub", uri).containsKeys("iat", "exp");
        assertThat(((Number) payload.get("ttl")).longValue()).isEqualTo(300);
        assertThat(((Number) payload.get("exp")).longValue()).isGreaterThan(((Number) payload.get("iat")).longValue());
        assertThat(decode(payload).status(idx(reference))).isZero();
        // TSL-1: status is not selectively disclosable
        assertThat(credential.payload()).containsKey("status");
    }

    @Test
    void revokeWhenIssuedBatchThenEveryEntryInvalidOthersValidCallbackAndSnapshot() throws Exception {
        Map<String, Object> offer = createOffer();
        String offerId = (String) offer.get("offer_id");
        var credentials = wallet().receive((String) offer.get("credential_offer_uri"), null, 3).credentials();
        var bystander = SdJwtView.verify(wallet().receive((String) createOffer().get("credential_offer_uri"), null, 1).credentials().get(0));

        assertThat(revoke(offerId).statusCode()).isEqualTo(204);
        assertThat(revoke(offerId).statusCode()).as("idempotent").isEqualTo(204);

        for (String sdJwt : credentials) {
            Map<String, Object> reference = statusList(SdJwtView.verify(sdJwt));
            assertThat(decode(fetch((String) reference.get("uri"))).status(idx(reference))).isEqualTo(1);
        }
        Map<String, Object> other = statusList(bystander);
        assertThat(decode(fetch((String) other.get("uri"))).status(idx(other))).isZero();

        var snapshot = JSONObjectUtils.parse(HTTP.send(HttpRequest.newBuilder(managementUri("/offers/" + offerId)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(snapshot).containsEntry("status", "REVOKED").containsKey("revoked_at");
        assertThat((List<?>) snapshot.get("credentials")).hasSize(3)
                .allSatisfy(c -> assertThat(((Map<?, ?>) c).get("status")).isEqualTo("INVALID"));
        List<Map<String, Object>> events = callbacksFor(offerId, 3);
        assertThat(events).extracting(e -> e.get("status")).containsExactly("OFFER_CREATED", "ISSUED", "REVOKED");
    }

    @Test
    void revokeWhenNotYetIssuedThenOfferEndsAndCodeStopsWorking() throws Exception {
        Map<String, Object> offer = createOffer();
        String offerId = (String) offer.get("offer_id");

        assertThat(revoke(offerId).statusCode()).isEqualTo(204);

        var snapshot = JSONObjectUtils.parse(HTTP.send(HttpRequest.newBuilder(managementUri("/offers/" + offerId)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(snapshot).containsEntry("status", "REVOKED").containsEntry("credentials", List.of());
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(offerUrl(offer))).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
        assertThat(callbacksFor(offerId, 2)).extracting(e -> e.get("status")).containsExactly("OFFER_CREATED", "REVOKED");
    }

    @Test
    void revokeWhenUnknownOfferThenProblem404() throws Exception {
        var response = revoke("AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(revoke("not-an-id").statusCode()).isEqualTo(404);
    }

    /** TSL-7, HAIP §6.1, ARF VCR_17: a few hundred credentials, every index its own and not drawn in sequence. */
    @Test
    void indicesWhenHundredsIssuedThenUniqueAndNotSequential() throws Exception {
        var references = new ArrayList<String>();
        var indices = new ArrayList<Integer>();
        for (int flow = 0; flow < 30; flow++) {
            for (String sdJwt : wallet().receive((String) createOffer().get("credential_offer_uri"), null, 10).credentials()) {
                Map<String, Object> reference = statusList(SdJwtView.verify(sdJwt));
                references.add(reference.get("uri") + "#" + idx(reference));
                indices.add(idx(reference));
            }
        }
        assertThat(references).hasSize(300);
        assertThat(new HashSet<>(references)).hasSize(300);
        int neighbours = 0;
        int ascending = 0;
        for (int i = 1; i < indices.size(); i++) {
            if (Math.abs(indices.get(i) - indices.get(i - 1)) <= 1) neighbours++;
            if (indices.get(i) > indices.get(i - 1)) ascending++;
        }
        assertThat(neighbours).as("consecutive credentials with neighbouring indices").isLessThan(5);
        assertThat(ascending).as("a counter would always ascend").isBetween(100, 200);
    }

    @Test
    void statusListWhenIfNoneMatchOrJsonAcceptedOrUnknownThen304JsonOr404() throws Exception {
        var credential = SdJwtView.verify(wallet().receive((String) createOffer().get("credential_offer_uri"), null, 1).credentials().get(0));
        String uri = (String) statusList(credential).get("uri");
        var first = get(uri, null, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        var again = get(uri, null, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        var json = get(uri, "application/statuslist+json", null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/statuslist+json");
        assertThat(JSONObjectUtils.parse(json.body())).containsEntry("bits", 1L).containsKey("lst");

        assertThat(get(issuer() + "/oidc4vci/status-lists/AAAAAAAAAAAAAAAAAAAAAA", null, null).statusCode()).isEqualTo(404);
        assertThat(get(issuer() + "/oidc4vci/status-lists/short", null, null).statusCode()).isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> statusList(SdJwtView credential) {
        return (Map<String, Object>) ((Map<String, Object>) credential.payload().get("status")).get("status_list");
    }

    static int idx(Map<String, Object> reference) {
        return ((Number) reference.get("idx")).intValue();
    }

    @SuppressWarnings("unchecked")
    static IndependentStatusListDecoder decode(Map<String, Object> payload) {
        var statusList = (Map<String, Object>) payload.get("status_list");
        return IndependentStatusListDecoder.of(((Number) statusList.get("bits")).intValue(), (String) statusList.get("lst"));
    }

    private Map<String, Object> fetch(String uri) throws Exception {
        return JSONObjectUtils.parse(IndependentStatusListDecoder.payloadJson(get(uri, null, null).body()));
    }

    private HttpResponse<String> revoke(String offerId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(managementUri("/offers/" + offerId + "/revoke"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String uri, String accept, String ifNoneMatch) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(uri)).GET();
        if (accept != null) request.header("Accept", accept);
        if (ifNoneMatch != null) request.header("If-None-Match", ifNoneMatch);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
