package io.github.vciconnector.web.management;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.keys.Es256;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Just enough of a wallet for offer lifecycle tests: fetches an offer by reference and asks for a DPoP-bound token. */
final class TestWallet {

    private final ECKey key;
    private final URI tokenEndpoint;
    private final TestManagementClient http = new TestManagementClient(URI::create, null);

    TestWallet(String issuer) {
        try {
            this.key = new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.tokenEndpoint = URI.create(issuer + "/oidc4vci/token");
    }

    /** Follows {@code openid-credential-offer://?credential_offer_uri=...} and returns the pre-authorized code. */
    String preAuthorizedCode(String credentialOfferUri) {
        String url = URLDecoder.decode(credentialOfferUri.substring(credentialOfferUri.indexOf('=') + 1), StandardCharsets.UTF_8);
        JsonNode offer = TestManagementClient.json(http.get(url));
        return offer.get("grants").get("urn:ietf:params:oauth:grant-type:pre-authorized_code").get("pre-authorized_code").asString();
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
                .header("DPoP", proof(nonce)).POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String proof(String nonce) {
        var claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", "POST")
                .claim("htu", tokenEndpoint.toString()).issueTime(new Date());
        if (nonce != null) claims.claim("nonce", nonce);
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt")).jwk(key.toPublicJWK()).build();
        var jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(Es256.signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
