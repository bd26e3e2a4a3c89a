package io.github.vciconnector.flow;

import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a TLS-terminating proxy (no server.ssl) the proxy owns HSTS: the connector sends none over plain http. */
class PlainHttpTransportTest extends WalletFlowTest {

    @Test
    void publicAnswerWhenPlainHttpThenNoStrictTransportSecurity() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(publicUri("/.well-known/openid-credential-issuer")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
