package io.github.vciconnector.flow;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile or sloppy wallet input gets a 4xx in the OAuth error shape, never a 5xx or Spring's error page (VCI-TOK-12). */
class WalletErrorShapeTest extends WalletFlowTest {

    @Test
    void tokenWhenBodyIsJsonThenInvalidRequest() throws Exception {
        var response = send(HttpRequest.newBuilder(publicUri("/oidc4vci/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"x\"}")));
        assertOAuthError(response, 400, "invalid_request");
    }

    @Test
    void tokenWhenFormEncodingIsMalformedThenInvalidRequestWithoutEchoingIt() throws Exception {
        var response = send(HttpRequest.newBuilder(publicUri("/oidc4vci/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=%zz&tx_code=secret%G1")));
        assertOAuthError(response, 400, "invalid_request");
        assertThat(response.body()).doesNotContain("secret");
    }

    @Test
    void tokenWhenMethodIsGetThenOAuthErrorShape() throws Exception {
        assertOAuthError(send(HttpRequest.newBuilder(publicUri("/oidc4vci/token")).GET()), 405, "invalid_request");
    }

    @Test
    void unknownWalletPathThenNotFoundInOAuthErrorShape() throws Exception {
        assertOAuthError(send(HttpRequest.newBuilder(publicUri("/oidc4vci/nothing-here")).GET()), 404, "not_found");
    }

    @Test
    void metadataWhenAcceptHeaderIsGarbageThenJson() throws Exception {
        var response = send(HttpRequest.newBuilder(publicUri("/.well-known/openid-credential-issuer")).header("Accept", "garbage;;").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }

    @Test
    void metadataWhenJwtRefusedWithQZeroThenJson() throws Exception {
        var response = send(HttpRequest.newBuilder(publicUri("/.well-known/openid-credential-issuer"))
                .header("Accept", "application/jwt;q=0, application/json").GET());
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }

    @Test
    void metadataWhenJwtPreferredThenSignedMetadata() throws Exception {
        var response = send(HttpRequest.newBuilder(publicUri("/.well-known/openid-credential-issuer"))
                .header("Accept", "application/json;q=0.5, application/jwt").GET());
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/jwt");
        assertThat(response.body().split("\\.")).hasSize(3);  // VCI-SMD-1
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String error) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", error).containsKey("error_description");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
