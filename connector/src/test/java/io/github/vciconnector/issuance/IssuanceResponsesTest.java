package io.github.vciconnector.issuance;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exact wire text of the Credential Response (§8.3) and the Nonce Response (§7.2), member order included. */
class IssuanceResponsesTest {

    @Test
    void toJSONObjectWhenTwoCredentialsThenCredentialsInKeyOrderThenNotificationId() {
        var response = new CredentialResponse(List.of("eyJh.eyJi.c2ln~WyJz~", "eyJj.eyJk.c2ln~"), "n-_1");
        assertThat(JSONObjectUtils.toJSONString(response.toJSONObject())).isEqualTo(
                "{\"credentials\":[{\"credential\":\"eyJh.eyJi.c2ln~WyJz~\"},{\"credential\":\"eyJj.eyJk.c2ln~\"}],\"notification_id\":\"n-_1\"}");
    }

    @Test
    void constructWhenNoCredentialOrNoNotificationIdThenRefused() {
        assertThatThrownBy(() -> new CredentialResponse(List.of(), "n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialResponse(List.of("c"), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenCredentialsPresentThenOnlyTheirCount() {
        assertThat(new CredentialResponse(List.of("secret-credential"), "n").toString())
                .isEqualTo("CredentialResponse[credentials=1]");
    }

    @Test
    void toJSONObjectWhenNonceThenTheOneMember() {
        assertThat(JSONObjectUtils.toJSONString(new NonceResponse("AAAB-_x").toJSONObject())).isEqualTo("{\"c_nonce\":\"AAAB-_x\"}");
    }

    @Test
    void constructWhenNonceEmptyThenRefused() {
        assertThatThrownBy(() -> new NonceResponse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
