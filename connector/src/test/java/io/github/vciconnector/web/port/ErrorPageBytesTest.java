package io.github.vciconnector.web.port;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 point 4: each port's errors come from one writer; these are the exact bytes and headers that writer
 * produced before it was made the only one (the wallet page used to concatenate its JSON by hand).
 */
class ErrorPageBytesTest extends ConnectorIntegrationTest {

    @Test
    void unknownPathWhenCalledOnPublicPortThenExactOAuthErrorBytes() throws Exception {
        var response = get(publicUri("/nothing-here"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).isEqualTo("{\"error\":\"not_found\",\"error_description\":\"not found\"}");
    }

    @Test
    void unknownMethodWhenCalledOnPublicPortThenExactOAuthErrorBytes() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(publicUri("/oidc4vci/token")).method("DELETE", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\"method not allowed\"}");
    }

    @Test
    void unknownPathWhenCalledOnManagementPortThenExactProblemBytes() throws Exception {
        var response = get(managementUri("/nothing-here"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).isEqualTo("{\"type\":\"https://github.com/vciconnector/issuer-connector/problems/not-found\","
                + "\"title\":\"Not Found\",\"status\":404,\"detail\":\"not found\"}");
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
