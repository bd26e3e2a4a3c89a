package io.github.vciconnector.web.wallet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link JsonBody#read}: a JSON object or the endpoint's own refusal with the reason, never a library exception. */
class JsonBodyTest {

    /** Stands for the endpoint's protocol exception, so the test sees the exact reason handed over. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    @Test
    void readWhenJsonObjectThenItsMembers() throws IOException {
        var body = JsonBody.read(request("application/json; charset=UTF-8", "{\"a\":\"\u00e9\",\"n\":1}"), Refused::new);
        assertThat(body).containsEntry("a", "\u00e9").containsKey("n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jwt", "not a media type"})
    void readWhenNotJsonContentTypeThenRefused(String contentType) {
        assertThatThrownBy(() -> JsonBody.read(request(contentType, "{}"), Refused::new))
                .isInstanceOf(Refused.class).hasMessage("content type must be application/json");
    }

    @Test
    void readWhenNoContentTypeThenRefused() {
        assertThatThrownBy(() -> JsonBody.read(request(null, "{}"), Refused::new))
                .isInstanceOf(Refused.class).hasMessage("content type must be application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[1]", "[{}]", "\"x\"", "7", "true", "", "{", "{a:1}", "{\"a\":NaN}", "{\"a\":1} trailing", "{\"a\":1,\"a\":2}"})
    void readWhenNotExactlyOneJsonObjectThenRefused(String text) {
        assertThatThrownBy(() -> JsonBody.read(request("application/json", text), Refused::new))
                .isInstanceOf(Refused.class).hasMessage("request body is not a JSON object");
    }

    @Test
    void readWhenEmptyArrayThenAnEmptyObjectAsBefore() throws IOException {
        // Nimbus (Gson) reads [] as {}; the message parse then refuses it for its missing members, as it always did.
        assertThat(JsonBody.read(request("application/json", "[]"), Refused::new)).isEmpty();
    }

    @Test
    void readWhenANestedMemberIsRepeatedThenTheLastOneAsBefore() throws IOException {
        // Nimbus (Gson) refuses a repeated top-level member but keeps the last of a nested one; pinned so a change of
        // that rule (which would change which proofs are verified) is seen.
        assertThat(JsonBody.read(request("application/json", "{\"p\":{\"a\":1,\"a\":\"two\"}}"), Refused::new))
                .containsEntry("p", java.util.Map.of("a", "two"));
    }

    @Test
    void readWhenOneByteOverTheLimitThenRefusedAsTooLarge() {
        String padded = "{\"a\":\"" + "x".repeat(JsonBody.MAX_BODY_BYTES - 8) + "\"}";
        assertThat(padded.length()).isEqualTo(JsonBody.MAX_BODY_BYTES);
        assertThatThrownBy(() -> JsonBody.read(request("application/json", padded + " "), Refused::new))
                .isInstanceOf(Refused.class).hasMessage("request body is too large");
    }

    @Test
    void readWhenExactlyAtTheLimitThenRead() throws IOException {
        String padded = "{\"a\":\"" + "x".repeat(JsonBody.MAX_BODY_BYTES - 8) + "\"}";
        assertThat(JsonBody.read(request("application/json", padded), Refused::new)).containsKey("a");
    }

    private static MockHttpServletRequest request(String contentType, String body) {
        var request = new MockHttpServletRequest("POST", "/oidc4vci/credential");
        if (contentType != null) request.setContentType(contentType);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
