package io.github.vciconnector.web.management;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.github.vciconnector.web.management.OffersApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Bodies over connector.management.max-body-size (64KB by default) get 413 before JSON parsing, and nothing breaks. */
class BodySizeLimitTest extends ConnectorIntegrationTest {

    private final TestManagementClient client = new TestManagementClient(this::managementUri, null);

    @Test
    void createWhenBodyIsFiveMegabytesThenContentTooLargeAndConnectorStaysHealthy() {
        HttpResponse<String> response = client.post("/offers", bigOffer(5 * 1024 * 1024));

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, "body-too-large");
        HttpResponse<String> health = client.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(client.post("/offers", TestManagementClient.OFFER).statusCode()).isEqualTo(201);
    }

    @Test
    void createWhenChunkedBodyPassesTheLimitThenContentTooLarge() {
        byte[] body = bigOffer(200 * 1024).getBytes(StandardCharsets.UTF_8);
        // ofInputStream has no known length, so the body goes chunked, without Content-Length.
        var request = client.request("/offers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, "body-too-large");
        assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void createWhenBodyJustUnderTheLimitThenParsed() {
        String body = bigOffer(60 * 1024);

        HttpResponse<String> response = client.post("/offers", body);

        assertThat(response.statusCode()).isEqualTo(201);
    }

    /** A valid offer whose given_name is padded to make the body about {@code bytes} long. */
    static String bigOffer(int bytes) {
        String padding = "a".repeat(bytes - TestManagementClient.OFFER.length());
        return TestManagementClient.OFFER.replace("\"Erika\"", "\"" + padding + "\"");
    }
}
