package io.github.vciconnector.demo;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.vciconnector.demo.TestServer.Reply;

/**
 * A canned connector on a {@link TestServer}, issuer identifier {@code <base>/tenant} (so well-known URLs are
 * path-inserted). Its token and credential endpoints each demand a DPoP nonce once before answering, and the
 * credential endpoint issues one {@link TestSdJwts#personCredential} per {@code jwk} proof.
 */
final class TestIssuer implements AutoCloseable {

    static final String ACCESS_TOKEN = "access-token-1";
    static final String AS_NONCE = "as-nonce-1";
    static final String NONCE_ENDPOINT_DPOP_NONCE = "rs-nonce-1";
    static final String RS_NONCE = "rs-nonce-2";
    static final String C_NONCE = "c-nonce-1";
    static final String PRE_AUTHORIZED_CODE = "pre-auth-1";

    final TestServer server;
    final String issuer;

    TestIssuer(boolean txCodeRequired) throws IOException {
        server = new TestServer();
        issuer = server.baseUrl() + "/tenant";
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("pre-authorized_code", PRE_AUTHORIZED_CODE);
        if (txCodeRequired) {
            grant.put("tx_code", Map.of("input_mode", "numeric", "length", 6));
        }
        server.on("GET", "/tenant/offers/1", r -> Reply.json(200, Map.of("credential_issuer", issuer,
                        "credential_configuration_ids", List.of("pid"),
                        "grants", Map.of(CredentialOffer.PRE_AUTHORIZED_CODE_GRANT, grant))))
                .on("GET", "/.well-known/openid-credential-issuer/tenant", r -> Reply.json(200, issuerMetadata()))
                .on("GET", "/.well-known/oauth-authorization-server/tenant", r -> Reply.json(200, Map.of(
                        "issuer", issuer, "token_endpoint", issuer + "/token",
                        "dpop_signing_alg_values_supported", List.of("ES256"))))
                .on("POST", "/tenant/token",
                        r -> Reply.json(400, Map.of("error", "use_dpop_nonce"), "DPoP-Nonce", AS_NONCE),
                        r -> Reply.json(200, Map.of("access_token", ACCESS_TOKEN, "token_type", "dpop",
                                "expires_in", 300), "Cache-Control", "no-store"))
                .on("POST", "/tenant/nonce", r -> Reply.json(200, Map.of("c_nonce", C_NONCE),
                        "DPoP-Nonce", NONCE_ENDPOINT_DPOP_NONCE))
                .on("POST", "/tenant/credential",
                        r -> Reply.json(401, Map.of("error", "use_dpop_nonce"), "DPoP-Nonce", RS_NONCE,
                                "WWW-Authenticate", "DPoP error=\"use_dpop_nonce\", algs=\"ES256\""),
                        TestIssuer::issue);
    }

    String offerLink() {
        return "openid-credential-offer://?credential_offer_uri="
                + URLEncoder.encode(issuer + "/offers/1", StandardCharsets.UTF_8);
    }

    Map<String, Object> issuerMetadata() {
        return Map.of("credential_issuer", issuer,
                "credential_endpoint", issuer + "/credential",
                "nonce_endpoint", issuer + "/nonce",
                "batch_credential_issuance", Map.of("batch_size", 3),
                "credential_configurations_supported", Map.of("pid", Map.of("format", "dc+sd-jwt",
                        "vct", "urn:eudi:pid:1")));
    }

    @Override
    public void close() {
        server.close();
    }

    private static Reply issue(TestServer.Request request) throws Exception {
        Map<String, Object> proofs = JSONObjectUtils.getJSONObject(request.json(), "proofs");
        List<Map<String, Object>> credentials = new ArrayList<>();
        for (String jwt : JSONObjectUtils.getStringList(proofs, "jwt")) {
            ECKey holder = SignedJWT.parse(jwt).getHeader().getJWK().toECKey();
            credentials.add(Map.of("credential", TestSdJwts.personCredential(holder)));
        }
        return Reply.json(200, Map.of("credentials", credentials, "notification_id", "notif-1"),
                "Cache-Control", "no-store");
    }
}
