package io.github.vciconnector.flow;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.CredentialOffer;
import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.HttpResult;
import io.github.vciconnector.demo.IssuerMetadata;
import io.github.vciconnector.demo.JwtKeyProofs;
import io.github.vciconnector.demo.SdJwtView;
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

/** Credential endpoint refusals through real HTTP (checklist J.1, DPOP-6/7, VCI-PRF-*, VCI-CRQ-*). */
class CredentialEndpointTest extends WalletFlowTest {

    private final WalletClient wallet = wallet();
    private final ECKey dpopKey = WalletClient.generateKey();
    private final ECKey holderKey = WalletClient.generateKey();
    private IssuerMetadata metadata;
    private String accessToken;

    @BeforeEach
    void redeemOffer() throws Exception {
        metadata = metadata();
        CredentialOffer offer = wallet.resolveOffer((String) createOffer().get("credential_offer_uri"));
        accessToken = wallet.requestToken(metadata, offer, null, dpopKey).accessToken();
    }

    @Test
    void credentialWhenDPoPKeyDiffersFromTokenKeyThenUnauthorizedInvalidDPoPProof() {
        HttpResult result = credential(body(proof(wallet.requestNonce(metadata))), WalletClient.generateKey(), "DPoP " + accessToken);
        assertUnauthorized(result, "invalid_dpop_proof");
    }

    @Test
    void credentialWhenTokenPresentedAsBearerThenUnauthorizedInvalidToken() {
        assertUnauthorized(credential(body(proof(wallet.requestNonce(metadata))), dpopKey, "Bearer " + accessToken), "invalid_token");  // DPOP-7
    }

    @Test
    void credentialWhenNoAuthorizationThenUnauthorized() {
        assertUnauthorized(credential(body(proof(wallet.requestNonce(metadata))), dpopKey, null), "invalid_token");  // VCI-CRQ-2
    }

    @Test
    void credentialWhenAccessTokenUnknownThenUnauthorizedInvalidToken() {
        assertUnauthorized(credential(body(proof(wallet.requestNonce(metadata))), dpopKey, "DPoP " + "x".repeat(43)), "invalid_token");
    }

    @Test
    void credentialWhenDPoPProofLacksAthThenUnauthorizedInvalidDPoPProof() {
        String cNonce = wallet.requestNonce(metadata);
        String dpop = DPoPProofs.buildDPoPProof("POST", metadata.credentialEndpoint(), dpopKey, null, wallet.http().latestDPoPNonce());
        var headers = Map.of("Authorization", "DPoP " + accessToken, "DPoP", dpop);
        assertUnauthorized(wallet.http().postJson(metadata.credentialEndpoint(), body(proof(cNonce)), headers), "invalid_dpop_proof");
    }

    @Test
    void credentialWhenDPoPProofHasNoNonceThenUseDPoPNonceChallenge() {
        String cNonce = wallet.requestNonce(metadata);
        String dpop = DPoPProofs.buildDPoPProof("POST", metadata.credentialEndpoint(), dpopKey, accessToken, null);
        var result = wallet.http().postJson(metadata.credentialEndpoint(), body(proof(cNonce)),
                Map.of("Authorization", "DPoP " + accessToken, "DPoP", dpop));
        assertUnauthorized(result, "use_dpop_nonce");
        assertThat(result.header("WWW-Authenticate").orElseThrow()).contains("error=\"use_dpop_nonce\"");  // EUDI-12
        assertThat(result.header("DPoP-Nonce")).isPresent();
    }

    @Test
    void credentialWhenProofAudienceWrongThenInvalidProof() {
        String proof = JwtKeyProofs.builder(holderKey, "https://other.example", wallet.requestNonce(metadata), null, Instant.now()).build();
        assertBadRequest(credential(body(proof), dpopKey, "DPoP " + accessToken), "invalid_proof");  // VCI-PRF-2
    }

    @Test
    void credentialWhenProofNonceUnknownThenInvalidNonce() {
        assertBadRequest(credential(body(proof("bm90LWEtbm9uY2U")), dpopKey, "DPoP " + accessToken), "invalid_nonce");
    }

    @Test
    void credentialWhenProofNonceAlreadyUsedThenInvalidNonce() throws Exception {
        String cNonce = wallet.requestNonce(metadata);
        assertThat(credential(body(proof(cNonce)), dpopKey, "DPoP " + accessToken).status()).isEqualTo(200);
        CredentialOffer second = wallet.resolveOffer((String) createOffer().get("credential_offer_uri"));
        String secondToken = wallet.requestToken(metadata, second, null, dpopKey).accessToken();

        assertBadRequest(credential(body(proof(cNonce)), dpopKey, "DPoP " + secondToken), "invalid_nonce");  // VCI-NONCE-5
    }

    @Test
    void credentialWhenProofMissingThenInvalidProof() {
        assertBadRequest(credential(Map.of("credential_configuration_id", "IdentityCredential"), dpopKey, "DPoP " + accessToken), "invalid_proof");
    }

    @Test
    void credentialWhenConfigurationUnknownThenUnknownCredentialConfiguration() {
        var body = new HashMap<String, Object>(body(proof(wallet.requestNonce(metadata))));
        body.put("credential_configuration_id", "NoSuchCredential");
        assertBadRequest(credential(body, dpopKey, "DPoP " + accessToken), "unknown_credential_configuration");
    }

    @Test
    void credentialWhenBothIdentifierFieldsThenInvalidCredentialRequest() {
        var body = new HashMap<String, Object>(body(proof(wallet.requestNonce(metadata))));
        body.put("credential_identifier", "x");
        assertBadRequest(credential(body, dpopKey, "DPoP " + accessToken), "invalid_credential_request");
    }

    @Test
    void credentialWhenUnknownParameterThenIgnoredAndIssued() {
        var body = new HashMap<String, Object>(body(proof(wallet.requestNonce(metadata))));
        body.put("foo", 1);  // VCI-CRQ-6
        HttpResult result = credential(body, dpopKey, "DPoP " + accessToken);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("Cache-Control")).hasValue("no-store");  // VCI-CRS-5
    }

    @Test
    @SuppressWarnings("unchecked")
    void credentialWhenProofJwkCarriesMoreMembersThenCnfJwkHasOnlyThePublicKey() {
        // L-5: a wallet's kid, use, key_ops, alg and x5u are not copied into the issuer-signed credential
        var jwk = new HashMap<String, Object>(holderKey.toPublicJWK().toJSONObject());
        jwk.putAll(Map.of("kid", "wallet-kid", "use", "sig", "key_ops", List.of("verify"), "alg", "ES256",
                "x5u", "https://attacker.example/x5u"));
        String proof = JwtKeyProofs.builder(holderKey, issuer(), wallet.requestNonce(metadata), null, Instant.now())
                .header("jwk", jwk).build();

        HttpResult result = credential(body(proof), dpopKey, "DPoP " + accessToken);

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        var credentials = (List<Map<String, Object>>) result.json().get("credentials");
        var cnf = (Map<String, Object>) SdJwtView.verify((String) credentials.get(0).get("credential")).payload().get("cnf");
        assertThat((Map<String, Object>) cnf.get("jwk")).containsOnlyKeys("kty", "crv", "x", "y")
                .containsEntry("x", holderKey.getX().toString()).containsEntry("y", holderKey.getY().toString());
    }

    private String proof(String cNonce) {
        return JwtKeyProofs.builder(holderKey, issuer(), cNonce, null, Instant.now()).build();
    }

    private static Map<String, Object> body(String proof) {
        return Map.of("credential_configuration_id", "IdentityCredential", "proofs", Map.of("jwt", List.of(proof)));
    }

    private HttpResult credential(Map<String, ?> body, ECKey proofKey, String authorization) {
        var headers = new HashMap<String, String>();
        if (authorization != null) headers.put("Authorization", authorization);
        String token = authorization == null ? null : authorization.substring(authorization.indexOf(' ') + 1);
        URI endpoint = metadata.credentialEndpoint();
        headers.put("DPoP", DPoPProofs.buildDPoPProof("POST", endpoint, proofKey, token, wallet.http().latestDPoPNonce()));
        return wallet.http().postJson(endpoint, body, headers);
    }

    private static void assertUnauthorized(HttpResult result, String error) {
        assertThat(result.status()).as(result.body()).isEqualTo(401);
        assertThat(result.header("WWW-Authenticate").orElseThrow()).startsWith("DPoP ").contains("error=\"" + error + "\"")
                .contains("algs=\"ES256\"");
        assertThat(result.json()).containsEntry("error", error);  // VCI-ERR-1: a JSON body too
    }

    private static void assertBadRequest(HttpResult result, String error) {
        assertThat(result.status()).as(result.body()).isEqualTo(400);
        assertThat(result.json()).containsEntry("error", error);
        assertThat((String) result.json().get("error_description")).matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]*");  // VCI-ERR-3
    }
}
