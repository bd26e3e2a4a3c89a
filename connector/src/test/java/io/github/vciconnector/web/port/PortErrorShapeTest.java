package io.github.vciconnector.web.port;

import io.github.vciconnector.demo.DPoPProofs;
import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.support.RawHttp;
import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;


import static io.github.vciconnector.support.ErrorShapes.assertProblem;
import static io.github.vciconnector.support.ErrorShapes.assertWalletError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The robustness findings of issue 17, one named test each: every refusal is a 4xx in the shape of its port (OAuth
 * JSON on the wallet port, problem+json on the management port), never a 5xx, an HTML page or an empty body.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortErrorShapeTest extends WalletFlowTest {

    private static final String NULL_JWT = "bnVsbA.e30.c2ln"; // header segment: base64url("null")

    /** Finding 1: requests Tomcat refuses before Spring runs; {@code %s} is replaced by a Host header line. */
    @ParameterizedTest
    @ValueSource(strings = {
            "GET /a%2fb HTTP/1.1\r\n%s\r\n", "GET /a%5cb HTTP/1.1\r\n%s\r\n", "GET /\u00e9 HTTP/1.1\r\n%s\r\n",
            "GET / HTTP/1.1\r\n%sBad Name: x\r\n\r\n", "GET / HTTP/1.1\r\n%sX: a\u0000b\r\n\r\n", "GET / HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\n%sHost: y\r\n\r\n", "GET / HTTP/1.1\r\n%sExpect: 200-ok\r\n\r\n", "GET / HTTP/1.7\r\n%s\r\n",
            "POST /oidc4vci/token HTTP/1.1\r\n%sContent-Length: +2\r\n\r\nab",
            "POST /offers HTTP/1.1\r\n%sContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"})
    void requestWhenRefusedByTomcatThenErrorInPortShape(String template) {
        String request = template.replace("%s", template.startsWith("GET / HTTP/1.1\r\n\r\n") ? "" : "Host: localhost\r\n");
        RawHttp.Response wallet = RawHttp.send(publicUri("/").getPort(), request);
        assertWalletError(wallet.status(), wallet.header("Content-Type"), wallet.body());
        RawHttp.Response management = RawHttp.send(managementUri("/").getPort(), request);
        assertProblem(management.status(), management.header("Content-Type"), management.body());
    }

    @Test
    void requestWhenHeadersTooLargeThenErrorInPortShape() {
        String request = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(40 * 1024) + "\r\n\r\n";
        RawHttp.Response wallet = RawHttp.send(publicUri("/").getPort(), request);
        assertWalletError(wallet.status(), wallet.header("Content-Type"), wallet.body());
    }

    @Test
    void requestWhenChunkFramingBadThenNoErrorLogged(CapturedOutput output) {
        RawHttp.send(managementUri("/").getPort(), "POST /offers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\nzz\r\n");
        RawHttp.send(publicUri("/").getPort(), "POST /oidc4vci/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n3\r\na=b\r\nzz\r\n");
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    /** Finding 1: an authorised request whose body breaks off (bad chunk, client gone) is no server error. */
    @Test
    void credentialWhenBodyCannotBeReadThenNoErrorLoggedAndClientError(CapturedOutput output) throws Exception {
        var wallet = wallet();
        Token issued = issue(wallet);
        URI endpoint = publicUri("/oidc4vci/credential");
        for (String framing : new String[]{"Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\nzz\r\n",
                "Content-Length: 100\r\n\r\n{\"a\":"}) {
            String proof = DPoPProofs.buildDPoPProof("POST", endpoint, issued.dpopKey(), issued.accessToken(),
                    wallet.http().latestDPoPNonce());
            RawHttp.Response response = RawHttp.send(endpoint.getPort(), "POST /oidc4vci/credential HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: DPoP " + issued.accessToken() + "\r\nDPoP: " + proof + "\r\nContent-Type: application/json\r\n" + framing);
            assertThat(assertWalletError(response.status(), response.header("Content-Type"), response.body()))
                    .containsEntry("error", "invalid_request");
        }
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    /** Finding 2, at the token endpoint (the attestation headers: WalletAttestationNullHeaderTest). */
    @Test
    void tokenWhenDPoPHeaderIsJsonNullThenBadRequest() throws Exception {
        String header = "DPoP";
        var response = send(HttpRequest.newBuilder(publicUri("/oidc4vci/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .header(header, NULL_JWT).POST(HttpRequest.BodyPublishers.ofString("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Apre-authorized_code&pre-authorized_code=x")));
        assertWalletError(response.statusCode(), contentType(response), response.body());
    }

    /** Finding 2, at the credential endpoint: DPoP, key proof and key attestation. */
    @Test
    void credentialWhenJwtHeaderIsJsonNullThenClientError() throws Exception {
        var wallet = wallet();
        Token issued = issue(wallet);
        URI endpoint = publicUri("/oidc4vci/credential");
        var nullDpop = send(HttpRequest.newBuilder(endpoint).header("Authorization", "DPoP " + issued.accessToken())
                .header("DPoP", NULL_JWT).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertWalletError(nullDpop.statusCode(), contentType(nullDpop), nullDpop.body());
        for (String proofs : new String[]{"{\"jwt\":[\"" + NULL_JWT + "\"]}", "{\"attestation\":[\"" + NULL_JWT + "\"]}"}) {
            var response = credential(wallet, issued, "{\"credential_configuration_id\":\"IdentityCredential\",\"proofs\":" + proofs + "}");
            assertThat(assertWalletError(response.statusCode(), contentType(response), response.body())).containsEntry("error", "invalid_proof");
        }
    }

    /** Finding 3. */
    @Test
    void credentialAndNotificationWhenBodyIsJsonNullThenBadRequest() throws Exception {
        var wallet = wallet();
        Token issued = issue(wallet);
        var credential = credential(wallet, issued, "null");
        assertThat(assertWalletError(credential.statusCode(), contentType(credential), credential.body()))
                .containsEntry("error", "invalid_credential_request");
        String proof = DPoPProofs.buildDPoPProof("POST", publicUri("/oidc4vci/notification"), issued.dpopKey(), issued.accessToken(),
                wallet.http().latestDPoPNonce());
        var notification = send(HttpRequest.newBuilder(publicUri("/oidc4vci/notification")).header("Authorization", "DPoP " + issued.accessToken())
                .header("DPoP", proof).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("null")));
        assertThat(assertWalletError(notification.statusCode(), contentType(notification), notification.body()))
                .containsEntry("error", "invalid_notification_request");
    }

    /** Finding 4. */
    @Test
    void notificationWhenAcceptExcludesJsonThenErrorStillInOAuthShape() throws Exception {
        var response = send(HttpRequest.newBuilder(publicUri("/oidc4vci/notification")).header("Accept", "text/html")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(401);
        assertWalletError(response.statusCode(), contentType(response), response.body());
    }

    /** Finding 5 and L-1: neither Spring's error controller nor the OpenAPI document answers on the wallet port. */
    @ParameterizedTest
    @ValueSource(strings = {"/error", "/v3/api-docs.yaml", "/v3/api-docs", "/v3/api-docs/x"})
    void nonWalletRouteWhenCalledOnWalletPortThenNotFoundInOAuthShape(String path) throws Exception {
        var response = send(HttpRequest.newBuilder(publicUri(path)).GET());
        assertThat(response.statusCode()).isEqualTo(404);
        assertWalletError(response.statusCode(), contentType(response), response.body());
    }

    @Test
    void errorPathWhenCalledOnManagementPortThenNotFoundProblem() throws Exception {
        var response = send(HttpRequest.newBuilder(managementUri("/error")).GET());
        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response.statusCode(), contentType(response), response.body());
    }

    /** Finding 6 (java.net.URI cannot hold a malformed escape, so these go over a raw socket). */
    @ParameterizedTest
    @ValueSource(strings = {"POST /offers?a=%zz% HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
            "GET /offers/x/qr?a=%zz% HTTP/1.1\r\nHost: localhost\r\n\r\n", "GET /actuator/health?a=%zz% HTTP/1.1\r\nHost: localhost\r\n\r\n"})
    void managementRouteWhenQueryStringMalformedThenBadRequestProblem(String request) {
        RawHttp.Response response = RawHttp.send(managementUri("/").getPort(), request);
        assertThat(response.status()).isEqualTo(400);
        assertProblem(response.status(), response.header("Content-Type"), response.body());
    }

    /** Finding 7. */
    @Test
    void offerDeleteWhenFormBodyMalformedThenNoServerError() throws Exception {
        var response = send(HttpRequest.newBuilder(managementUri("/offers/x")).header("Content-Type", "application/x-www-form-urlencoded")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("c=%zz")));
        assertProblem(response.statusCode(), contentType(response), response.body());
    }

    /** Finding 8. */
    @Test
    void actuatorWhenContentTypeWildcardOrAcceptEmptyOrComponentUnknownThenProblem() {
        int port = managementUri("/").getPort();
        for (String request : new String[]{
                "GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nContent-Type: */*\r\n\r\n",
                "GET /actuator/prometheus HTTP/1.1\r\nHost: localhost\r\nAccept: \r\n\r\n",
                "GET /actuator/health/nothing HTTP/1.1\r\nHost: localhost\r\n\r\n"}) {
            RawHttp.Response response = RawHttp.send(port, request);
            assertProblem(response.status(), response.header("Content-Type"), response.body());
        }
    }

    /** Finding 9 and L-2: more than 50 media types, refused without an ERROR line that echoes them. */
    @Test
    void metadataWhenAcceptListsMoreThanFiftyTypesThenBadRequestWithoutEcho(CapturedOutput output) throws Exception {
        var accept = new StringBuilder();
        for (int i = 0; i < 60; i++) accept.append(i == 0 ? "" : ", ").append("x/secret-type-").append(i);
        var response = send(HttpRequest.newBuilder(publicUri("/.well-known/openid-credential-issuer")).header("Accept", accept.toString()).GET());
        assertThat(response.statusCode()).isIn(400, 406);
        assertWalletError(response.statusCode(), contentType(response), response.body());
        assertThat(output.getAll()).doesNotContain("secret-type-").doesNotContain(" ERROR ");
    }

    /** L-2: an 8 KB method is refused in the port's shape and never written to the log. */
    @Test
    void requestWhenMethodUnknownAndLongThenRefusedWithoutEcho(CapturedOutput output) {
        String method = "SECRETMETHOD" + "X".repeat(8000);
        RawHttp.Response wallet = RawHttp.send(publicUri("/").getPort(), method + " /oidc4vci/token HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertWalletError(wallet.status(), wallet.header("Content-Type"), wallet.body());
        RawHttp.Response management = RawHttp.send(managementUri("/").getPort(), method + " /offers HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertProblem(management.status(), management.header("Content-Type"), management.body());
        assertThat(output.getAll()).doesNotContain("SECRETMETHOD");
    }

    /** Finding 10. */
    @ParameterizedTest
    @ValueSource(strings = {"/.well-known/openid-credential-issuer/other", "/.well-known/oauth-authorization-server/other",
            "/oidc4vci/types/NoSuchType"})
    void metadataWhenUnknownThenNotFoundInOAuthShape(String path) throws Exception {
        var response = send(HttpRequest.newBuilder(publicUri(path)).GET());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(assertWalletError(response.statusCode(), contentType(response), response.body())).containsEntry("error", "not_found");
    }

    /** Finding 11. */
    @Test
    void prometheusWhenRequestsFailedThenNoClassNamesInLabels() throws Exception {
        RawHttp.send(managementUri("/").getPort(), "GET /offers/x/qr?a=%zz% HTTP/1.1\r\nHost: localhost\r\n\r\n");
        send(HttpRequest.newBuilder(publicUri("/oidc4vci/credential")).POST(HttpRequest.BodyPublishers.ofString("null")));
        var response = send(HttpRequest.newBuilder(managementUri("/actuator/prometheus")).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("http_server_requests_seconds_count")
                .doesNotContain("exception=").doesNotContain("error=").doesNotContain("main_application_class")
                .doesNotContain("vciconnector.").doesNotContain("Exception");
    }

    /** An access token of a redeemed offer whose credential is not issued yet. */
    private record Token(String accessToken, ECKey dpopKey) {
    }

    private Token issue(WalletClient wallet) throws Exception {
        ECKey dpopKey = WalletClient.generateKey();
        var offer = wallet.resolveOffer((String) createOffer().get("credential_offer_uri"));
        return new Token(wallet.requestToken(metadata(), offer, null, dpopKey).accessToken(), dpopKey);
    }

    private HttpResponse<String> credential(WalletClient wallet, Token issued, String body) throws Exception {
        URI endpoint = publicUri("/oidc4vci/credential");
        String proof = DPoPProofs.buildDPoPProof("POST", endpoint, issued.dpopKey(), issued.accessToken(), wallet.http().latestDPoPNonce());
        return send(HttpRequest.newBuilder(endpoint).header("Authorization", "DPoP " + issued.accessToken()).header("DPoP", proof)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
