package io.github.vciconnector.web.management;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static io.github.vciconnector.web.management.TestManagementClient.OFFER;
import static io.github.vciconnector.web.management.TestManagementClient.OFFER_WITH_TX_CODE;
import static io.github.vciconnector.web.management.TestManagementClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §4 over real HTTP: POST, GET and DELETE /offers, strict input, and problem+json for every refusal. */
class OffersApiTest extends ConnectorIntegrationTest {

    private final TestManagementClient client = new TestManagementClient(this::managementUri, null);

    @Test
    void createWhenValidThenCreatedWithLocationAndNoStore() {
        HttpResponse<String> response = client.post("/offers", OFFER);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(response.headers().firstValue("Location")).hasValue("/offers/" + body.get("offer_id").asString());
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(body.get("credential_offer_uri").asString()).startsWith("openid-credential-offer://?credential_offer_uri=");
        assertThat(body.has("tx_code")).isFalse();
        assertThat(body.has("expires_at")).isTrue();
    }

    @Test
    void createWhenTxCodeRequestedThenCodeOfRequestedShapeReturnedOnce() {
        JsonNode body = client.createOffer(OFFER_WITH_TX_CODE);

        assertThat(body.get("tx_code").asString()).matches("[0-9]{6}");
        String status = client.get("/offers/" + body.get("offer_id").asString()).body();
        assertThat(status).doesNotContain(body.get("tx_code").asString()).contains("\"tx_code_required\":true");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown top-level field|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"},\"colour\":1}|colour|unknown-field",
            "unknown tx_code field|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"},\"tx_code\":{\"size\":6}}|tx_code.size|unknown-field",
            "length as string|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"},\"tx_code\":{\"length\":\"6\"}}|tx_code.length|invalid-field",
            "length as float|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"},\"tx_code\":{\"length\":6.5}}|tx_code.length|invalid-field",
            "id as number|{\"credential_configuration_id\":7,\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"}}|credential_configuration_id|invalid-field",
            "claims as string|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":\"x\"}|claims|invalid-field",
            "expires_in as string|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"},\"expires_in\":\"60\"}|expires_in|invalid-field",
            "duplicate key|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"given_name\":\"c\",\"family_name\":\"b\"}}|claims|malformed-body",
            "length too short|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"},\"tx_code\":{\"length\":3}}|tx_code.length|invalid-tx-code",
            "length too long|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"},\"tx_code\":{\"length\":13}}|tx_code.length|invalid-tx-code",
            "input_mode unknown|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"},\"tx_code\":{\"input_mode\":\"emoji\"}}|tx_code.input_mode|invalid-tx-code",
            "expires_in zero|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"},\"expires_in\":0}|expires_in|invalid-expires-in",
            "expires_in over max|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"},\"expires_in\":86401}|expires_in|invalid-expires-in",
            "claim not in type metadata|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\",\"age\":3}}|claims.age|invalid-claims",
            "mandatory claim missing|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\"}}|claims.family_name|invalid-claims",
            "claim value null|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":null,\"family_name\":\"b\"}}|claims.given_name|invalid-claims",
            "reserved claim|{\"credential_configuration_id\":\"IdentityCredential\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\",\"iss\":\"x\"}}|claims.iss|invalid-claims",
            "unknown configuration|{\"credential_configuration_id\":\"Nope\",\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"}}|credential_configuration_id|unknown-credential-configuration"})
    void createWhenInputInvalidThenProblemNamingTheField(String name, String body, String field, String type) {
        HttpResponse<String> response = client.post("/offers", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, type);
        assertThat(json(response).get("field").asString()).isEqualTo(field);
    }

    @Test
    void createWhenDescriptionOver300CharactersThenProblem() {
        String body = OFFER.replace("}}", "},\"tx_code\":{\"description\":\"" + "x".repeat(301) + "\"}}");

        HttpResponse<String> response = client.post("/offers", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("field").asString()).isEqualTo("tx_code.description");
    }

    @Test
    void createWhenNotJsonThenUnsupportedMediaTypeProblem() {
        var response = client.send(client.request("/offers").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(OFFER)), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertProblem(response, "unsupported-media-type");
    }

    @Test
    void createWhenBodyIsBrokenJsonThenMalformedBodyProblem() {
        HttpResponse<String> response = client.post("/offers", "{\"claims\": {");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "malformed-body");
    }

    @Test
    void statusWhenCreatedThenStatusTimestampsAndNoClaimValues() {
        JsonNode created = client.createOffer(OFFER);

        HttpResponse<String> response = client.get("/offers/" + created.get("offer_id").asString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = json(response);
        assertThat(body.get("status").asString()).isEqualTo("OFFER_CREATED");
        assertThat(body.get("timestamps").has("OFFER_CREATED")).isTrue();
        assertThat(body.get("credentials_issued").asInt()).isZero();
        assertThat(body.get("expires_at").asString()).isEqualTo(created.get("expires_at").asString());
        assertThat(response.body()).doesNotContain("Erika", "Mustermann", "claims");
    }

    @Test
    void statusWhenUnknownThenNotFoundProblem() {
        HttpResponse<String> response = client.get("/offers/unknown");

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, "offer-not-found");
    }

    @Test
    void cancelWhenRepeatedThenNoContentEachTimeAndStatusCancelled() {
        String offerId = client.createOffer(OFFER).get("offer_id").asString();

        assertThat(client.delete("/offers/" + offerId).statusCode()).isEqualTo(204);
        assertThat(client.delete("/offers/" + offerId).statusCode()).isEqualTo(204);

        JsonNode status = json(client.get("/offers/" + offerId));
        assertThat(status.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(status.get("timestamps").has("CANCELLED")).isTrue();
    }

    @Test
    void cancelWhenUnknownThenNotFoundProblem() {
        HttpResponse<String> response = client.delete("/offers/unknown");

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, "offer-not-found");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PUT,/offers,405", "GET,/nothing-here,404", "GET,/oidc4vci/token,404", "PATCH,/offers/x,405"})
    void requestWhenNoRouteTakesItThenProblemWithoutInternals(String method, String path, int status) {
        var response = client.send(client.request(path).method(method, java.net.http.HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("trace", "exception", "at io.", "at org.");
    }

    static void assertProblem(HttpResponse<String> response, String type) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = json(response);
        assertThat(body.get("type").asString()).isEqualTo(ManagementProblems.TYPE_BASE + type);
        assertThat(body.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(body.has("detail")).isTrue();
        assertThat(response.body()).doesNotContain("trace", "Exception", "at io.", "at org.");
    }
}
