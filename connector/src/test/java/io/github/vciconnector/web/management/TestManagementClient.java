package io.github.vciconnector.web.management;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/** Real HTTP calls to the management API, with the JSON bodies tests send most. */
final class TestManagementClient {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String OFFER = "{\"credential_configuration_id\":\"IdentityCredential\","
            + "\"claims\":{\"given_name\":\"Erika\",\"family_name\":\"Mustermann\"}}";
    static final String OFFER_WITH_TX_CODE = "{\"credential_configuration_id\":\"IdentityCredential\","
            + "\"claims\":{\"given_name\":\"Erika\",\"family_name\":\"Mustermann\"},"
            + "\"tx_code\":{\"input_mode\":\"numeric\",\"length\":6,\"description\":\"Sent by SMS\"}}";

    private final Function<String, URI> management;
    private final String apiKey;

    TestManagementClient(Function<String, URI> management, String apiKey) {
        this.management = management;
        this.apiKey = apiKey;
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String... headers) {
        return send(request(path, headers).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates an offer and returns the 201 body. */
    JsonNode createOffer(String json) {
        HttpResponse<String> response = post("/offers", json);
        if (response.statusCode() != 201) throw new AssertionError("POST /offers answered " + response.statusCode() + ": " + response.body());
        return json(response);
    }

    HttpRequest.Builder request(String path, String... headers) {
        var builder = HttpRequest.newBuilder(management.apply(path)).timeout(Duration.ofSeconds(20));
        if (apiKey != null) builder.header("Authorization", "Bearer " + apiKey);
        for (int i = 0; i < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        return builder;
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request.build(), handler);
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
