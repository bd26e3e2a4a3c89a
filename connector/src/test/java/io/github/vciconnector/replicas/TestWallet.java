package io.github.vciconnector.replicas;

import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.JwtKeyProofs;
import io.github.vciconnector.demo.WalletClient;
import java.time.Instant;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/**
 * A minimal wallet built from Nimbus with real keys: a DPoP key, a holder key, DPoP proofs whose {@code htu} names
 * the shared issuer identifier, and the {@code use_dpop_nonce} dance. Each request goes to the replica it is given.
 */
final class TestWallet {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String PRE_AUTHORIZED_CODE_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    private final String issuer;
    private final ECKey dpopKey = generate();
    private final ECKey holderKey = generate();
    private volatile String dpopNonce;

    TestWallet(String issuer) {
        this.issuer = issuer;
    }

    ECKey holderKey() {
        return holderKey;
    }

    ECKey dpopKey() {
        return dpopKey;
    }

    /** The last server DPoP nonce an answer carried. */
    String dpopNonce() {
        return dpopNonce;
    }

    /** {@code POST /offers} on the replica's management port; returns the response body. */
    static HttpResponse<String> createOffer(ConnectorInstance replica, boolean withTxCode) {
        String txCode = withTxCode ? ",\"tx_code\":{\"input_mode\":\"numeric\",\"length\":6}" : "";
        String body = "{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"Erika\","
                + "\"family_name\":\"Mustermann\"}" + txCode + "}";
        return send(HttpRequest.newBuilder(replica.managementUri("/offers")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Follows the offer by reference on {@code replica} and returns its pre-authorized code. */
    String preAuthorizedCode(ConnectorInstance replica, String credentialOfferUri) {
        String url = URLDecoder.decode(credentialOfferUri.substring(credentialOfferUri.indexOf('=') + 1), StandardCharsets.UTF_8);
        var offer = json(send(HttpRequest.newBuilder(replica.publicUri(URI.create(url).getRawPath())).GET().build()));
        Map<String, Object> grants = object(offer.get("grants"));
        return (String) object(grants.get(PRE_AUTHORIZED_CODE_GRANT)).get("pre-authorized_code");
    }

    /** A token request; first answers {@code use_dpop_nonce} are retried once with the nonce they carry. */
    HttpResponse<String> token(ConnectorInstance replica, String code, String txCode) {
        var response = tokenWithProof(replica, code, txCode, dpopProof("POST", "/oidc4vci/token", null));
        if (response.statusCode() == 400 && response.body().contains("use_dpop_nonce")) {
            response = tokenWithProof(replica, code, txCode, dpopProof("POST", "/oidc4vci/token", null));
        }
        return response;
    }

    HttpResponse<String> tokenWithProof(ConnectorInstance replica, String code, String txCode, String proof) {
        String form = "grant_type=" + URLEncoder.encode(PRE_AUTHORIZED_CODE_GRANT, StandardCharsets.UTF_8)
                + "&pre-authorized_code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + (txCode == null ? "" : "&tx_code=" + URLEncoder.encode(txCode, StandardCharsets.UTF_8));
        return remember(send(HttpRequest.newBuilder(replica.publicUri("/oidc4vci/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("DPoP", proof)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()));
    }

    /** {@code POST /oidc4vci/nonce}; returns the c_nonce and keeps the DPoP nonce it carries. */
    String cNonce(ConnectorInstance replica) {
        var response = remember(send(HttpRequest.newBuilder(replica.publicUri("/oidc4vci/nonce"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
        return (String) json(response).get("c_nonce");
    }

    HttpResponse<String> credential(ConnectorInstance replica, String accessToken, String cNonce) {
        String body = "{\"credential_configuration_id\":\"IdentityCredential\",\"proofs\":{\"jwt\":[\"" + keyProof(cNonce) + "\"]}}";
        return remember(send(HttpRequest.newBuilder(replica.publicUri("/oidc4vci/credential"))
                .header("Content-Type", "application/json").header("Authorization", "DPoP " + accessToken)
                .header("DPoP", dpopProof("POST", "/oidc4vci/credential", accessToken))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    /** A fresh DPoP proof (new jti) for {@code path} below the issuer identifier, with the last server nonce. */
    String dpopProof(String method, String path, String accessToken) {
        return DPoPProofs.buildDPoPProof(method, URI.create(issuer + path), dpopKey, accessToken, dpopNonce);
    }

    private String keyProof(String cNonce) {
        return JwtKeyProofs.builder(holderKey, issuer, cNonce, null, Instant.now()).build();
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        response.headers().firstValue("DPoP-Nonce").ifPresent(nonce -> dpopNonce = nonce);
        return response;
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new IllegalStateException("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    private static ECKey generate() {
        return WalletClient.generateKey();
    }
}
