package io.github.vciconnector.web.port;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.JwtKeyProofs;
import io.github.vciconnector.demo.SignedJwtBuilder;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.support.ErrorShapes;
import io.github.vciconnector.support.RawHttp;
import io.github.vciconnector.support.TestOffers;
import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded generator of hostile requests (robustness findings 1-11): it takes a valid request of every endpoint of
 * both ports and mutates its method, path, query, headers (Accept, Content-Type, Authorization), body and the JWTs in
 * DPoP, attestation and proof fields; every answer must be below 500, an error in its port's shape, and free of
 * stack traces, class names and the secret-looking values it was sent. Raw sockets, so that requests Java's
 * HttpClient would refuse to send are part of the run. Reproduce a failure with {@code -Dhostile.seed=<seed>}.
 */
class HostileRequestsTest extends WalletFlowTest {

    private static final int REQUESTS = 1500;
    private static final long MAX_MILLIS = 90_000;
    private static final String SECRET = "SECRETx9Qz";
    private static final String PATH_SEGMENT = "no-such-thing";

    private record Request(boolean management, String method, String path, List<String> headers, byte[] body) {
    }

    @Test
    void mutatedRequestsOfEveryEndpointThenNeverServerErrorAlwaysPortShapeNoLeak() throws Exception {
        long seed = Long.getLong("hostile.seed", 20261201L);
        var random = new Random(seed);
        var wallet = wallet();
        ECKey dpopKey = WalletClient.generateKey();
        ECKey holderKey = WalletClient.generateKey();
        var offer = createOffer();
        String offerId = (String) offer.get("offer_id");
        String reference = offerUrl(offer).substring(offerUrl(offer).lastIndexOf('/') + 1);
        String token = wallet.requestToken(metadata(), wallet.resolveOffer((String) createOffer().get("credential_offer_uri")), null, dpopKey)
                .accessToken();
        // The resource endpoints demand a server DPoP nonce; with it, mutations reach the body and proof checks.
        String nonce = wallet.http().latestDPoPNonce();
        List<Supplier<Request>> valid = validRequests(offerId, reference, token, dpopKey, holderKey, nonce);

        assertThat(nonce).as("server DPoP nonce").isNotNull();
        long deadline = System.currentTimeMillis() + MAX_MILLIS;
        int sent = 0;
        int pastDPoP = 0; // credential or notification requests refused for their body or proof, i.e. after DPoP
        for (; sent < REQUESTS && System.currentTimeMillis() < deadline; sent++) {
            Request request = valid.get(random.nextInt(valid.size())).get();
            for (int m = 1 + random.nextInt(2); m > 0; m--) request = mutate(request, random, dpopKey);
            String wire = wire(request);
            RawHttp.Response response;
            try {
                response = RawHttp.send(request.management() ? managementUri("/").getPort() : publicUri("/").getPort(),
                        wire.getBytes(StandardCharsets.ISO_8859_1));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", request " + sent + ": no HTTP answer to " + abbreviate(wire), e);
            }
            try {
                check(request, response);
                if (response.status() == 400 && request.path().matches("/oidc4vci/(credential|notification)")) pastDPoP++;
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", request " + sent + " (-Dhostile.seed=" + seed + "): " + abbreviate(wire)
                        + "\n-> " + response.status() + " " + response.headers() + " " + abbreviate(response.body()), e);
            }
        }
        assertThat(sent).as("requests sent within the time bound").isGreaterThanOrEqualTo(300);
        assertThat(pastDPoP).as("mutations that reached the body and proof checks").isPositive();
    }

    private static void check(Request request, RawHttp.Response response) {
        assertThat(response.status()).as("status").isLessThan(500);
        assertThat(response.body() + response.headers()).as("echo of an injected value").doesNotContain(SECRET);
        if (response.status() < 400 || request.method().equals("HEAD")) return;
        if (request.management()) ErrorShapes.assertProblem(response.status(), response.header("Content-Type"), response.body());
        else ErrorShapes.assertWalletError(response.status(), response.header("Content-Type"), response.body());
    }

    private List<Supplier<Request>> validRequests(String offerId, String reference, String token, ECKey dpopKey, ECKey holderKey,
                                                  String nonce) {
        String form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Apre-authorized_code&pre-authorized_code=" + SECRET;
        List<String> json = List.of("Content-Type: application/json");
        List<Supplier<Request>> valid = new ArrayList<>();
        valid.add(() -> get(false, "/.well-known/openid-credential-issuer"));
        valid.add(() -> get(false, "/.well-known/oauth-authorization-server"));
        valid.add(() -> get(false, "/oidc4vci/offers/" + reference));
        valid.add(() -> get(false, "/oidc4vci/types/IdentityCredential"));
        valid.add(() -> get(false, "/oidc4vci/status-lists/AAAAAAAAAAAAAAAAAAAAAA"));
        valid.add(() -> new Request(false, "POST", "/oidc4vci/nonce", List.of(), new byte[0]));
        valid.add(() -> new Request(false, "POST", "/oidc4vci/token", List.of("Content-Type: application/x-www-form-urlencoded",
                "DPoP: " + DPoPProofs.buildDPoPProof("POST", publicUri("/oidc4vci/token"), dpopKey, null, null)), bytes(form)));
        valid.add(() -> resource("/oidc4vci/credential", token, dpopKey, nonce, "{\"credential_configuration_id\":\"IdentityCredential\","
                + "\"proofs\":{\"jwt\":[\"" + JwtKeyProofs.builder(holderKey, issuer(), SECRET, null, Instant.now()).build() + "\"]}}"));
        valid.add(() -> resource("/oidc4vci/notification", token, dpopKey, nonce, "{\"notification_id\":\"" + SECRET
                + "\",\"event\":\"credential_accepted\"}"));
        valid.add(() -> new Request(true, "POST", "/offers", json, bytes(TestOffers.ERIKA)));
        valid.add(() -> get(true, "/offers/" + offerId));
        valid.add(() -> get(true, "/offers/" + offerId + "/qr"));
        valid.add(() -> new Request(true, "DELETE", "/offers/" + PATH_SEGMENT, List.of(), new byte[0]));
        valid.add(() -> get(true, "/actuator/health"));
        valid.add(() -> get(true, "/actuator/health/liveness"));
        valid.add(() -> get(true, "/actuator/prometheus"));
        valid.add(() -> get(true, "/actuator/info"));
        valid.add(() -> get(true, "/v3/api-docs"));
        return valid;
    }

    private Request resource(String path, String token, ECKey dpopKey, String nonce, String body) {
        String proof = DPoPProofs.buildDPoPProof("POST", publicUri(path), dpopKey, token, nonce);
        return new Request(false, "POST", path, List.of("Content-Type: application/json", "Authorization: DPoP " + token, "DPoP: " + proof),
                bytes(body));
    }

    private static Request get(boolean management, String path) {
        return new Request(management, "GET", path, List.of(), new byte[0]);
    }

    private Request mutate(Request r, Random random, ECKey key) {
        var headers = new ArrayList<>(r.headers());
        switch (random.nextInt(12)) {
            case 0: return new Request(!r.management(), r.method(), r.path(), headers, r.body());
            case 1: return new Request(r.management(), pick(random, "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
                    "PROPFIND", "G\u00c9T", SECRET + "X".repeat(random.nextInt(8000))), r.path(), headers, r.body());
            case 2: return new Request(r.management(), r.method(), mutatePath(r.path(), random), headers, r.body());
            case 3: return new Request(r.management(), r.method(), r.path() + pick(random, "?a=%zz%", "?a=" + SECRET + "%", "?%", "?a=b&a=c",
                    "?x=" + "y".repeat(3000), "?grant_type=" + SECRET), headers, r.body());
            case 4: headers.add("Accept: " + accept(random)); break;
            case 5:
                headers.removeIf(h -> h.startsWith("Content-Type:"));
                headers.add("Content-Type: " + pick(random, "*/*", "application/*", "text/plain", "application/json;charset=" + SECRET,
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "garbage;;", "", "application/jwt"));
                break;
            case 6: return new Request(r.management(), r.method(), r.path(), headers, bytes(pick(random, "null", "[]", "\"x\"", "1", "{",
                    "{\"a\":" + "[".repeat(3000), "{\"credential_configuration_id\":null,\"claims\":null}", "c=%zz", "\u0000\u00ff",
                    "{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"" + SECRET + "\",\"x\":1e999999}}",
                    "{\"proofs\":{\"jwt\":[\"" + jwt(random, key) + "\"]},\"credential_configuration_id\":1}",
                    "{\"proofs\":{\"attestation\":[\"" + jwt(random, key) + "\"]}}", "{\"notification_id\":[],\"event\":{}}")));
            case 7:
                headers.removeIf(h -> h.startsWith("DPoP:"));
                headers.add("DPoP: " + jwt(random, key));
                break;
            case 8:
                headers.add(pick(random, "OAuth-Client-Attestation: ", "OAuth-Client-Attestation-PoP: ") + jwt(random, key));
                break;
            case 9:
                headers.removeIf(h -> h.startsWith("Authorization:"));
                headers.add("Authorization: " + pick(random, "DPoP " + SECRET, "Bearer " + SECRET, "DPoP", "Basic " + SECRET + "==",
                        "DPoP " + SECRET + " extra", "Bearer " + SECRET));
                break;
            case 10: headers.add(pick(random, "Bad Name: x", "X-Nul: a\u0000" + SECRET, "Expect: 100-" + SECRET, "Content-Length: +2",
                    "Transfer-Encoding: chunked", "X-Big: " + "a".repeat(40_000), "Host: second", "X-Utf8: \u00e9\u00ff")); break;
            default: for (int i = 0; i < 120; i++) headers.add("X-Many-" + i + ": " + SECRET);
        }
        return new Request(r.management(), r.method(), r.path(), headers, r.body());
    }

    /** Paths may be echoed (problem+json's instance), so path mutations carry a marker that is not a secret. */
    private static String mutatePath(String path, Random random) {
        return pick(random, path + "/", path + "/..", path + "%2f", path + "%5c", path + "\u00e9", path + "/" + PATH_SEGMENT, path.toUpperCase(),
                path + ";jsessionid=" + PATH_SEGMENT, "/" + path, path.replace('/', '\\'), path + "%00", path + "/%2e%2e/offers", "/error",
                "/v3/api-docs.yaml", "/actuator/env", "/actuator/health/" + PATH_SEGMENT, "/oidc4vci/types/" + PATH_SEGMENT, "/oidc4vci/status-lists/" + PATH_SEGMENT, "*",
                "/.well-known/openid-credential-issuer/" + PATH_SEGMENT);
    }

    private static String accept(Random random) {
        if (random.nextInt(4) == 0) {
            var many = new StringBuilder();
            for (int i = 0; i < 51 + random.nextInt(30); i++) many.append(i == 0 ? "" : ",").append("x/").append(SECRET).append(i);
            return many.toString();
        }
        return pick(random, "", "text/html", "application/jwt", "*/*;q=x", "application/json;q=0", "image/png", "application/problem+json",
                "text/plain;version=" + SECRET, ",,,", "application/openmetrics-text", "application/xml");
    }

    /** A JWT with one field broken: header JSON null or of the wrong type, odd alg/typ/jwk/x5c/kid, or bad claims. */
    private String jwt(Random random, ECKey key) {
        String segment = Base64URL.encode(pick(random, "null", "[]", "1", "\"x\"", "{}")).toString();
        switch (random.nextInt(5)) {
            case 0: return segment + ".e30.c2ln";
            case 1: return "eyJhbGciOiJFUzI1NiJ9." + segment + ".c2ln";
            case 2: return pick(random, "", ".", "..", "a.b", "a.b.c.d.e", SECRET, "eyJ" + SECRET + ".e30.");
            default:
                SignedJwtBuilder builder = DPoPProofs.builder("POST", URI.create(issuer() + "/oidc4vci/token"), key, Instant.now());
                Object odd = pick(random, null, 1, List.of(), Map.of(), SECRET, Map.of("kty", "EC"), List.of(SECRET));
                if (random.nextBoolean()) builder.header(pick(random, "alg", "typ", "jwk", "x5c", "kid", "crit", "key_attestation", "trust_chain"), odd);
                else builder.claim(pick(random, "iat", "jti", "htm", "htu", "ath", "nonce", "aud", "iss", "exp", "cnf"), odd);
                return builder.build();
        }
    }

    private static String wire(Request r) {
        var out = new StringBuilder(r.method()).append(' ').append(r.path()).append(" HTTP/1.1\r\n");
        if (r.headers().stream().noneMatch(h -> h.startsWith("Host:"))) out.append("Host: localhost\r\n");
        for (String header : r.headers()) out.append(header).append("\r\n");
        boolean chunked = r.headers().stream().anyMatch(h -> h.startsWith("Transfer-Encoding:"));
        if (!chunked && r.headers().stream().noneMatch(h -> h.startsWith("Content-Length:"))) {
            out.append("Content-Length: ").append(r.body().length).append("\r\n");
        }
        out.append("Connection: close\r\n\r\n").append(new String(r.body(), StandardCharsets.ISO_8859_1));
        return out.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "...(" + text.length() + " chars)";
    }
}
