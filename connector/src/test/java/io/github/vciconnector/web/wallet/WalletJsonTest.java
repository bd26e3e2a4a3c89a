package io.github.vciconnector.web.wallet;

import io.github.vciconnector.issuance.CredentialResponse;
import io.github.vciconnector.issuance.NonceResponse;
import io.github.vciconnector.oauth.TokenResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet responses moved from Spring's Jackson converter to Nimbus {@code JSONObjectUtils} (issue 11 point 1);
 * for every character these messages can carry (base64url, and {@code .} and {@code ~} of compact JWTs and SD-JWTs)
 * the bytes are the ones Jackson wrote. The two differ only on U+2028/U+2029, which no such value contains.
 */
class WalletJsonTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
    private final JsonMapper jackson = JsonMapper.builder().build();

    @Test
    void bytesWhenTokenResponseThenWhatJacksonWrote() {
        assertSameAsJackson(new TokenResponse(ALPHABET, 86_400).toJSONObject());
    }

    @Test
    void bytesWhenCredentialResponseThenWhatJacksonWrote() {
        assertSameAsJackson(new CredentialResponse(List.of(ALPHABET, "eyJhbGciOiJFUzI1NiJ9.e30.c2ln~WyJhIiwiYiJd~"), ALPHABET).toJSONObject());
    }

    @Test
    void bytesWhenNonceResponseThenWhatJacksonWrote() {
        assertSameAsJackson(new NonceResponse(ALPHABET).toJSONObject());
    }

    @Test
    void bytesWhenSlashHtmlAndNonAsciiThenUnescapedUtf8LikeJackson() {
        // Not reachable from today's messages, pinned so a Nimbus upgrade that starts escaping is noticed.
        assertSameAsJackson(Map.of("s", "a/b<c>&d='e\"f\\g \u00e9\u20ac \u0001"));
    }

    private void assertSameAsJackson(Map<String, Object> message) {
        assertThat(new String(WalletJson.bytes(message), StandardCharsets.UTF_8)).isEqualTo(jackson.writeValueAsString(message));
    }
}
