package io.github.vciconnector.web.management;

import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletOptions;
import java.net.http.HttpClient;

import com.nimbusds.jose.jwk.ECKey;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Just enough of a wallet for offer lifecycle tests: fetches an offer by reference and asks for a DPoP-bound token,
 * returning the raw answer. Proofs and offer parsing come from the demo wallet.
 */
final class TestWallet {

    private final ECKey key = WalletClient.generateKey();
    private final WalletClient client = new WalletClient(HttpClient.newHttpClient(), WalletOptions.defaults());
    private final URI tokenEndpoint;
    private final TestManagementClient http = new TestManagementClient(URI::create, null);

    TestWallet(String issuer) {
        this.tokenEndpoint = URI.create(issuer + "/oidc4vci/token");
    }

    /** Follows {@code openid-credential-offer://?credential_offer_uri=...} and returns the pre-authorized code. */
    String preAuthorizedCode(String credentialOfferUri) {
        return client.resolveOffer(credentialOfferUri).preAuthorizedCode();
    }

    /** A token request; answers a use_dpop_nonce challenge once, as a wallet does. */
    HttpResponse<String> token(String preAuthorizedCode, String txCode) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:pre-authorized_code");
        form.put("pre-authorized_code", preAuthorizedCode);
        if (txCode != null) form.put("tx_code", txCode);
        HttpResponse<String> response = post(form, null);
        if (response.statusCode() == 400 && response.body().contains("use_dpop_nonce")) {
            response = post(form, response.headers().firstValue("DPoP-Nonce").orElseThrow());
        }
        return response;
    }

    private HttpResponse<String> post(Map<String, String> form, String nonce) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(tokenEndpoint).header("Content-Type", "application/x-www-form-urlencoded")
                .header("DPoP", DPoPProofs.buildDPoPProof("POST", tokenEndpoint, key, null, nonce))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
