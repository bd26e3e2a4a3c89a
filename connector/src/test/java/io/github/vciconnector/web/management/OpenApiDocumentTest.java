package io.github.vciconnector.web.management;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/openapi.json is the served OpenAPI document: this test fails when they differ. Regenerate the file with
 * {@code ./mvnw -q -o test -Dtest=OpenApiDocumentTest -Dopenapi.write=true}.
 */
class OpenApiDocumentTest extends ConnectorIntegrationTest {

    static final Path DOCUMENT = Path.of("docs", "openapi.json");

    private final TestManagementClient client = new TestManagementClient(this::managementUri, null);

    @Test
    void apiDocsWhenServedThenOpenApi31DescribingTheOffersResource() {
        JsonNode served = served();

        assertThat(served.get("openapi").asString()).startsWith("3.1");
        assertThat(served.get("paths").propertyNames()).contains("/offers", "/offers/{offerId}", "/offers/{offerId}/qr");
        assertThat(served.get("paths").get("/offers/{offerId}").has("delete")).isTrue();
    }

    @Test
    void apiDocsWhenServedThenEqualToDocsOpenApiJson() throws Exception {
        JsonNode served = served();
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(DOCUMENT.getParent());
            Files.writeString(DOCUMENT, TestManagementClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n",
                    StandardCharsets.UTF_8);
        }

        JsonNode kept = TestManagementClient.JSON.readTree(Files.readString(DOCUMENT, StandardCharsets.UTF_8));

        assertThat(normalised(kept)).as("docs/openapi.json is stale; regenerate it with -Dopenapi.write=true").isEqualTo(normalised(served));
    }

    private JsonNode served() {
        HttpResponse<String> response = client.get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        return TestManagementClient.json(response);
    }

    /** Server URLs name the port of whoever generated the document, so they are left out of the comparison. */
    private static JsonNode normalised(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("servers");
        return copy;
    }
}
