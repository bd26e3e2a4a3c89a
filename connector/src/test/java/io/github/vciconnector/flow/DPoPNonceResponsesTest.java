package io.github.vciconnector.flow;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.CredentialOffer;
import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.HttpResult;
import io.github.vciconnector.demo.IssuerMetadata;
import io.github.vciconnector.demo.JwtKeyProofs;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which wallet responses carry a {@code DPoP-Nonce} header (RFC 9449 §8, §9, DPOP-10): the token, nonce and credential
 * responses and every {@code use_dpop_nonce} error; no other answer, success or error, hands one out. Pins the list so
 * moving the header into one advice keeps exactly these responses.
 */
class DPoPNonceResponsesTest extends WalletFlowTest {

    private static final String NONCE = "DPoP-Nonce";
    private static final String GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    private final WalletClient wallet = wallet();
    private final ECKey dpopKey = WalletClient.generateKey();
    private final ECKey holderKey = WalletClient.generateKey();
    private IssuerMetadata metadata;
    private CredentialOffer offer;

    @BeforeEach
    void resolveOffer() throws Exception {
        metadata = metadata();
        offer = wallet.resolveOffer((String) createOffer().get("credential_offer_uri"));
    }

    @Test
    void nonceResponseCarriesNonce() {
        HttpResult result = wallet.http().postEmpty(publicUri("/oidc4vci/nonce"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header(NONCE)).isPresent();
    }

    @Test
    void tokenResponseAndUseDPoPNonceErrorCarryNonceOtherTokenErrorsDoNot() {
        URI endpoint = publicUri("/oidc4vci/token");
        HttpResult noNonce = wallet.http().postForm(endpoint, form(offer.preAuthorizedCode()),
                Map.of("DPoP", DPoPProofs.buildDPoPProof("POST", endpoint, dpopKey, null, null)));
        assertThat(noNonce.status()).isEqualTo(400);
        assertThat(noNonce.json()).containsEntry("error", "use_dpop_nonce");
        assertThat(noNonce.header(NONCE)).isPresent();

        HttpResult unknownCode = wallet.http().postForm(endpoint, form("not-a-code"), Map.of("DPoP", proof(endpoint, null)));
        assertThat(unknownCode.json()).containsEntry("error", "invalid_grant");
        assertThat(unknownCode.header(NONCE)).isEmpty();

        HttpResult noProof = wallet.http().postForm(endpoint, form(offer.preAuthorizedCode()), Map.of());
        assertThat(noProof.json()).containsEntry("error", "invalid_dpop_proof");
        assertThat(noProof.header(NONCE)).isEmpty();

        HttpResult notAForm = wallet.http().postJson(endpoint, Map.of("grant_type", "x"), Map.of());
        assertThat(notAForm.json()).containsEntry("error", "invalid_request");
        assertThat(notAForm.header(NONCE)).isEmpty();

        HttpResult token = wallet.http().postForm(endpoint, form(offer.preAuthorizedCode()), Map.of("DPoP", proof(endpoint, null)));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.header(NONCE)).isPresent();
    }

    @Test
    void credentialResponseAndUseDPoPNonceErrorCarryNonceOtherResourceErrorsDoNot() {
        String accessToken = wallet.requestToken(metadata, offer, null, dpopKey).accessToken();
        URI endpoint = metadata.credentialEndpoint();

        HttpResult noNonce = wallet.http().postJson(endpoint, body(wallet.requestNonce(metadata)),
                Map.of("Authorization", "DPoP " + accessToken, "DPoP", DPoPProofs.buildDPoPProof("POST", endpoint, dpopKey, accessToken, null)));
        assertThat(noNonce.status()).isEqualTo(401);
        assertThat(noNonce.json()).containsEntry("error", "use_dpop_nonce");
        assertThat(noNonce.header(NONCE)).isPresent();

        HttpResult bearer = wallet.http().postJson(endpoint, body(wallet.requestNonce(metadata)),
                Map.of("Authorization", "Bearer " + accessToken, "DPoP", proof(endpoint, accessToken)));
        assertThat(bearer.status()).isEqualTo(401);
        assertThat(bearer.header(NONCE)).isEmpty();

        HttpResult badProof = wallet.http().postJson(endpoint, body("bm90LWEtbm9uY2U"),
                Map.of("Authorization", "DPoP " + accessToken, "DPoP", proof(endpoint, accessToken)));
        assertThat(badProof.status()).isEqualTo(400);
        assertThat(badProof.header(NONCE)).isEmpty();

        HttpResult issued = wallet.http().postJson(endpoint, body(wallet.requestNonce(metadata)),
                Map.of("Authorization", "DPoP " + accessToken, "DPoP", proof(endpoint, accessToken)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.header(NONCE)).isPresent();
    }

    @Test
    void notificationUseDPoPNonceErrorCarriesNonceItsOtherAnswersDoNot() {
        var result = wallet.receive(offerUri(), null, 1);
        URI endpoint = publicUri("/oidc4vci/notification");
        Map<String, String> body = Map.of("notification_id", result.notificationId(), "event", "credential_accepted");

        HttpResult noNonce = wallet.http().postJson(endpoint, body, Map.of("Authorization", "DPoP " + result.accessToken(),
                "DPoP", DPoPProofs.buildDPoPProof("POST", endpoint, result.dpopKey(), result.accessToken(), null)));
        assertThat(noNonce.status()).isEqualTo(401);
        assertThat(noNonce.header(NONCE)).isPresent();

        HttpResult unknownId = wallet.http().postJson(endpoint, Map.of("notification_id", "not-ours", "event", "credential_accepted"),
                Map.of("Authorization", "DPoP " + result.accessToken(), "DPoP", proof(endpoint, result.accessToken(), result.dpopKey())));
        assertThat(unknownId.status()).isEqualTo(400);
        assertThat(unknownId.header(NONCE)).isEmpty();

        HttpResult accepted = wallet.http().postJson(endpoint, body, Map.of("Authorization", "DPoP " + result.accessToken(),
                "DPoP", proof(endpoint, result.accessToken(), result.dpopKey())));
        assertThat(accepted.status()).isEqualTo(204);
        assertThat(accepted.header(NONCE)).isEmpty();
    }

    @Test
    void offerMetadataAndUnknownPathsCarryNoNonce() throws Exception {
        HttpResult offerResponse = wallet.http().get(URI.create(offerUrl(createOffer())), "application/json");
        assertThat(offerResponse.status()).isEqualTo(200);
        assertThat(offerResponse.header(NONCE)).isEmpty();

        HttpResult metadataResponse = wallet.http().get(publicUri("/.well-known/openid-credential-issuer"), "application/json");
        assertThat(metadataResponse.status()).isEqualTo(200);
        assertThat(metadataResponse.header(NONCE)).isEmpty();

        HttpResult unknown = wallet.http().get(publicUri("/oidc4vci/nothing-here"), "application/json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header(NONCE)).isEmpty();
    }

    private String offerUri() {
        try {
            return (String) createOffer().get("credential_offer_uri");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String proof(URI endpoint, String accessToken) {
        return proof(endpoint, accessToken, dpopKey);
    }

    /** A DPoP proof with the nonce the previous response handed out, fetched from the Nonce Endpoint if none did. */
    private String proof(URI endpoint, String accessToken, ECKey key) {
        String nonce = wallet.http().postEmpty(publicUri("/oidc4vci/nonce")).header(NONCE).orElseThrow();
        return DPoPProofs.buildDPoPProof("POST", endpoint, key, accessToken, nonce);
    }

    private Map<String, Object> body(String cNonce) {
        String proof = JwtKeyProofs.builder(holderKey, issuer(), cNonce, null, Instant.now()).build();
        return Map.of("credential_configuration_id", "IdentityCredential", "proofs", Map.of("jwt", List.of(proof)));
    }

    private static Map<String, String> form(String code) {
        var form = new HashMap<String, String>();
        form.put("grant_type", GRANT);
        form.put("pre-authorized_code", code);
        return form;
    }
}
