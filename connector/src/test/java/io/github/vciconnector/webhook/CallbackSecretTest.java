package io.github.vciconnector.webhook;

import io.github.vciconnector.config.StartupRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.info.Info;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17, L-6: callback secrets are strong or refused at startup; unsigned callbacks are reported. */
class CallbackSecretTest {

    @Test
    void startWhenSecretShorterThan32CharactersThenRefusedInOneLine() {
        assertThat(StartupRefusal.of(Map.of("connector.callback.url", "http://localhost:1/hook", "connector.callback.secret", "s".repeat(31))))
                .startsWith("The connector configuration is invalid: CONNECTOR_CALLBACK_SECRET must be at least 32 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"whsec_MfKQ9r8GKYqrTwjUPD8ILPZI", "whsec_" + "a", "short-secret"})
    void secretWhenKeyMaterialUnder32CharactersThenRefused(String secret) {
        assertThatThrownBy(() -> properties(secret)).hasMessageStartingWith("CONNECTOR_CALLBACK_SECRET must be at least 32 characters");
    }

    @Test
    void secretWhenWhsecButNotBase64ThenRefused() {
        assertThatThrownBy(() -> properties("whsec_" + "!".repeat(32))).hasMessageStartingWith("CONNECTOR_CALLBACK_SECRET starts with whsec_");
    }

    @ParameterizedTest
    @ValueSource(strings = {"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "0123456789abcdef0123456789abcdef"})
    void secretWhen32CharactersOfKeyMaterialThenSigned(String secret) {
        assertThat(properties(secret).unsigned()).isFalse();
        assertThat(details(properties(secret))).containsEntry("signed", true).doesNotContainKey("warning");
    }

    @Test
    void secretWhenBlankThenUnsignedWithWarning() {
        assertThat(properties(" ").unsigned()).isTrue();
        assertThat(details(properties(null))).containsEntry("signed", false).containsEntry("warning", CallbackSigningStatus.WARNING);
    }

    @Test
    void statusWhenNoUrlThenNoWarning() {
        var off = new CallbackProperties(null, null, Duration.ofSeconds(5), Duration.ofHours(24), Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofMillis(500), 4, Duration.ofSeconds(10));

        assertThat(details(off)).containsEntry("enabled", false).doesNotContainKey("warning");
    }

    private static CallbackProperties properties(String secret) {
        return new CallbackProperties(URI.create("https://backend.example/hook"), secret, Duration.ofSeconds(5), Duration.ofHours(24),
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMillis(500), 4, Duration.ofSeconds(10));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(CallbackProperties properties) {
        var builder = new Info.Builder();
        new CallbackSigningStatus(properties).contribute(builder);
        return (Map<String, Object>) builder.build().getDetails().get("callbacks");
    }
}
