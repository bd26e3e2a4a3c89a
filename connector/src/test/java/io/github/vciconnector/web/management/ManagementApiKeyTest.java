package io.github.vciconnector.web.management;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;

import static io.github.vciconnector.web.management.OffersApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** With CONNECTOR_MANAGEMENT_API_KEY set, every management request but the health probes needs the Bearer key. */
// @TestPropertySource, not @SpringBootTest(properties): that would reset the base class to a mock environment.
@TestPropertySource(properties = "connector.management.api-key=" + ManagementApiKeyTest.KEY)
class ManagementApiKeyTest extends ConnectorIntegrationTest {

    static final String KEY = "test-management-key-0123456789-abcdef";

    private final TestManagementClient anonymous = new TestManagementClient(this::managementUri, null);
    private final TestManagementClient withKey = new TestManagementClient(this::managementUri, KEY);
    private final TestManagementClient withWrongKey = new TestManagementClient(this::managementUri, KEY + "x");

    @Test
    void createWhenKeyPresentedThenCreated() {
        assertThat(withKey.post("/offers", TestManagementClient.OFFER).statusCode()).isEqualTo(201);
    }

    @Test
    void createWhenNoKeyThenUnauthorizedWithBearerChallenge() {
        HttpResponse<String> response = anonymous.post("/offers", TestManagementClient.OFFER);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertProblem(response, "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/offers/x", "/offers/x/qr", "/v3/api-docs", "/actuator/prometheus", "/offers"})
    void requestWhenWrongKeyThenUnauthorized(String path) {
        HttpResponse<String> response = withWrongKey.get(path);

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, "unauthorized");
    }

    @Test
    void requestWhenKeySentWithAnotherSchemeThenUnauthorized() {
        HttpResponse<String> response = anonymous.get("/offers/x", "Authorization", "Basic " + KEY);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthWhenNoKeyThenOpen(String path) {
        assertThat(anonymous.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void infoWhenKeySetThenNoWarning() {
        var status = TestManagementClient.json(withKey.get("/actuator/info")).get("management_api");

        assertThat(status.get("api_key").asString()).isEqualTo("required");
        assertThat(status.has("warning")).isFalse();
    }

    @Test
    void walletRouteWhenNoKeyThenNotAffected() throws Exception {
        var response = HTTP.send(java.net.http.HttpRequest.newBuilder(publicUri("/.well-known/openid-credential-issuer")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
