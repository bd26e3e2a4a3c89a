package io.github.vciconnector.web.port;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §2: each port serves only its own routes, judged by the socket, not by the Host header. */
class PortIsolationTest extends ConnectorIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/offers", "/offers/abc", "/offers/abc/qr", "/offers/abc/revoke", "/actuator/health", "/actuator/prometheus", "/v3/api-docs"})
    void managementRouteWhenCalledOnWalletPortThenNotFound(String path) throws Exception {
        assertThat(get(publicUri(path)).statusCode()).isEqualTo(404);
        assertThat(post(publicUri(path)).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.well-known/openid-credential-issuer", "/.well-known/oauth-authorization-server",
            "/oidc4vci/token", "/oidc4vci/nonce", "/oidc4vci/credential", "/oidc4vci/offers/x", "/oidc4vci/types/IdentityCredential",
            "/oidc4vci/status-lists/AAAAAAAAAAAAAAAAAAAAAA"})
    void walletRouteWhenCalledOnManagementPortThenNotFound(String path) throws Exception {
        assertThat(get(managementUri(path)).statusCode()).isEqualTo(404);
        assertThat(post(managementUri(path)).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/x/../offers", "/oidc4vci/../offers", "/%2e%2e/offers", "/offers;x=1", "//offers", "/oidc4vci/%2e%2e/offers",
            "/offer%73", "/%61ctuator/prometheus", "/%61ctuator/info", "/%6ffers/x/qr"})
    void nonNormalisedPathWhenCalledOnEitherPortThenRefused(String path) throws Exception {
        assertThat(get(publicUri(path)).statusCode()).isIn(400, 404);
        assertThat(get(managementUri(path)).statusCode()).isIn(400, 404);
    }

    @Test
    void offerCreationWhenPercentEncodedOnWalletPortThenNotFound() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(issuer() + "/offer%73")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"credential_configuration_id\": \"IdentityCredential\", "
                        + "\"claims\": {\"given_name\": \"Eve\", \"family_name\": \"Mallory\"}}")).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void managementRouteWhenForwardedHeadersClaimManagementPortThenStillNotFound() throws Exception {
        var request = HttpRequest.newBuilder(publicUri("/actuator/health"))
                .header("X-Forwarded-Port", Integer.toString(managementUri("/").getPort())).GET().build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }

    @Test
    void healthWhenCalledOnManagementPortThenUp() throws Exception {
        var response = get(managementUri("/actuator/health"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"UP\"");
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
