package io.github.vciconnector.issuance;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.ParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link NotificationRequest#parse} (OID4VCI 1.0 §11.1): the three events by exact name, a legal description or none. */
class NotificationRequestTest {

    @Test
    void parseWhenEveryMemberIsGoodThenTyped() throws ParseException {
        var request = parse("{\"notification_id\":\"n1\",\"event\":\"credential_deleted\",\"event_description\":\"gone, sorry\"}");
        assertThat(request).isEqualTo(new NotificationRequest("n1", NotificationEvent.CREDENTIAL_DELETED, "gone, sorry"));
    }

    @Test
    void parseWhenNoDescriptionThenNull() throws ParseException {
        var request = parse("{\"notification_id\":\"n1\",\"event\":\"credential_failure\",\"unknown\":[1]}");
        assertThat(request.event()).isEqualTo(NotificationEvent.CREDENTIAL_FAILURE);
        assertThat(request.eventDescription()).isNull();
    }

    @Test
    void toStringWhenDescriptionPresentThenOnlyTheEventIsShown() throws ParseException {
        var request = parse("{\"notification_id\":\"secret-id\",\"event\":\"credential_accepted\",\"event_description\":\"free text\"}");
        assertThat(request.toString()).contains("credential_accepted").doesNotContain("secret-id").doesNotContain("free text");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"event\":\"credential_accepted\"}",
            "{\"notification_id\":\"n1\"}",
            "{\"notification_id\":7,\"event\":\"credential_accepted\"}",
            "{\"notification_id\":null,\"event\":\"credential_accepted\"}",
            "{\"notification_id\":\"n1\",\"event\":\"credential_revoked\"}",
            "{\"notification_id\":\"n1\",\"event\":\"CREDENTIAL_ACCEPTED\"}",
            "{\"notification_id\":\"n1\",\"event\":[\"credential_accepted\"]}",
    })
    void parseWhenIdOrEventIsMissingWrongTypedOrUnknownThenInvalidNotificationRequest(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(NotificationRequestException.class, e -> {
            assertThat(e.error()).isEqualTo(NotificationError.INVALID_NOTIFICATION_REQUEST);
            assertThat(e.getMessage()).isEqualTo(
                    "notification_id and an event of credential_accepted, credential_failure or credential_deleted are required");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "[\"x\"]", "\"quote \\\" inside\"", "\"back\\\\slash\"", "\"line\\nbreak\"", "\"caf\u00e9\""})
    void parseWhenDescriptionIsNotPrintableAsciiTextThenInvalidNotificationRequest(String description) {
        assertThatThrownBy(() -> parse("{\"notification_id\":\"n1\",\"event\":\"credential_accepted\",\"event_description\":" + description + "}"))
                .isInstanceOfSatisfying(NotificationRequestException.class, e -> {
                    assertThat(e.error()).isEqualTo(NotificationError.INVALID_NOTIFICATION_REQUEST);
                    assertThat(e.getMessage()).isEqualTo("event_description must be printable ASCII without quotes or backslashes");
                });
    }

    private static NotificationRequest parse(String json) throws ParseException {
        return NotificationRequest.parse(JSONObjectUtils.parse(json));
    }
}
