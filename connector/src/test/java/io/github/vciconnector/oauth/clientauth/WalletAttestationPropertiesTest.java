package io.github.vciconnector.oauth.clientauth;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §3 names the variable CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS: it must reach the record as a file list. */
class WalletAttestationPropertiesTest {

    @Test
    void bindWhenEnvironmentVariableListsTwoFilesThenBothTrustAnchorsBound() {
        var sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
                Map.of("CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS", "/etc/wp/a.pem, /etc/wp/b.pem")));

        var properties = new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("connector.wallet-attestation", WalletAttestationProperties.class);

        assertThat(properties.trustAnchors()).containsExactly(Path.of("/etc/wp/a.pem"), Path.of("/etc/wp/b.pem"));
        assertThat(properties.popMaxAge()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void bindWhenEnvironmentVariableEmptyThenNoTrustAnchors() {
        var sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
                Map.of("CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS", "")));

        var properties = new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("connector.wallet-attestation", WalletAttestationProperties.class);

        assertThat(properties.trustAnchors()).isEmpty();
    }
}
