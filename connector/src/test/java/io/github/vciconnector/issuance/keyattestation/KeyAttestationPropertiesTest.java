package io.github.vciconnector.issuance.keyattestation;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13: the key-attestation levels default to iso_18045_high; an explicitly empty variable lifts the constraint. */
class KeyAttestationPropertiesTest {

    @Test
    void bindWhenLevelsNotSetThenIso18045HighForBoth() {
        KeyAttestationProperties properties = bind(Map.of());

        assertThat(properties.keyStorage()).containsExactly("iso_18045_high");
        assertThat(properties.userAuthentication()).containsExactly("iso_18045_high");
    }

    @Test
    void bindWhenLevelsSetEmptyThenNoConstraint() {
        KeyAttestationProperties properties = bind(Map.of("CONNECTOR_KEY_ATTESTATION_KEY_STORAGE", "",
                "CONNECTOR_KEY_ATTESTATION_USER_AUTHENTICATION", ""));

        assertThat(properties.keyStorage()).isEmpty();
        assertThat(properties.userAuthentication()).isEmpty();
    }

    @Test
    void bindWhenSeveralLevelsThenAllAcceptedInOrder() {
        KeyAttestationProperties properties = bind(Map.of("CONNECTOR_KEY_ATTESTATION_KEY_STORAGE", "iso_18045_high, iso_18045_moderate"));

        assertThat(properties.keyStorage()).containsExactly("iso_18045_high", "iso_18045_moderate");
        assertThat(properties.userAuthentication()).containsExactly("iso_18045_high");
    }

    @Test
    void constructWhenLevelNameHasIllegalCharactersThenRefused() {
        assertThatThrownBy(() -> new KeyAttestationProperties(List.of(), java.time.Duration.ZERO, List.of("high\"level"), List.of()))
                .hasMessage("CONNECTOR_KEY_ATTESTATION_KEY_STORAGE holds an invalid level name");
    }

    private static KeyAttestationProperties bind(Map<String, Object> environment) {
        var sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("systemEnvironment", environment));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("connector.key-attestation", KeyAttestationProperties.class);
    }
}
