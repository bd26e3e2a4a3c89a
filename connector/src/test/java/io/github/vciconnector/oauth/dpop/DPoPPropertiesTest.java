package io.github.vciconnector.oauth.dpop;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** DPOP-2, AS-MD-6: only asymmetric EC algorithms, ES256 always; sane durations. */
class DPoPPropertiesTest {

    @Test
    void bindWhenNothingConfiguredThenHaipDefaults() {
        var properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("connector.dpop", DPoPProperties.class);
        assertThat(properties).isEqualTo(new DPoPProperties(true, Duration.ofMinutes(5), Duration.ofSeconds(60),
                Duration.ofSeconds(15), Set.of("ES256")));
    }

    @Test
    void bindWhenAlgorithmsListedThenParsed() {
        var source = new MapConfigurationPropertySource(Map.of("connector.dpop.signing-algorithms", "ES256,ES384"));
        var properties = new Binder(source).bindOrCreate("connector.dpop", DPoPProperties.class);
        assertThat(properties.signingAlgorithms()).containsExactlyInAnyOrder("ES256", "ES384");
    }

    @Test
    void createWhenHmacAlgorithmListedThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> withAlgorithms(Set.of("ES256", "HS256")))
                .withMessageContaining("HS256 is not an asymmetric EC algorithm");
    }

    @Test
    void createWhenRsaOrNoneListedThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> withAlgorithms(Set.of("ES256", "RS256")));
        assertThatIllegalArgumentException().isThrownBy(() -> withAlgorithms(Set.of("ES256", "none")));
    }

    @Test
    void createWhenEs256MissingThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> withAlgorithms(Set.of("ES384")))
                .withMessageContaining("must include ES256");
    }

    @Test
    void createWhenDurationsNotPositiveThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DPoPProperties(true, Duration.ZERO,
                Duration.ofSeconds(60), Duration.ofSeconds(15), Set.of("ES256")));
        assertThatIllegalArgumentException().isThrownBy(() -> new DPoPProperties(true, Duration.ofMinutes(5),
                Duration.ofSeconds(-1), Duration.ofSeconds(15), Set.of("ES256")));
        assertThatIllegalArgumentException().isThrownBy(() -> new DPoPProperties(true, Duration.ofMinutes(5),
                Duration.ofSeconds(60), Duration.ofSeconds(-1), Set.of("ES256")));
    }

    private static DPoPProperties withAlgorithms(Set<String> algorithms) {
        return new DPoPProperties(true, Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofSeconds(15), algorithms);
    }
}
