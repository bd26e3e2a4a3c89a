package io.github.vciconnector.web.management;

import io.github.vciconnector.config.StartupRefusal;
import io.github.vciconnector.web.port.ManagementPortProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.web.server.Ssl;
import org.springframework.util.unit.DataSize;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17, M-1: the management API's security settings are checked once, at startup, naming the variable. */
class ManagementSettingsTest {

    @Test
    void startWhenApiKeyShorterThan32CharactersThenRefusedInOneLine() {
        assertThat(StartupRefusal.of(Map.of("connector.management.api-key", "k".repeat(31))))
                .isEqualTo("The connector configuration is invalid: CONNECTOR_MANAGEMENT_API_KEY must be at least 32 characters"
                        + " (e.g. openssl rand -base64 32) (see README.md, section 'Coming from the guide')");
    }

    @Test
    void apiKeyWhen32CharactersThenAccepted() {
        assertThat(port("k".repeat(32), null).apiKeyRequired()).isTrue();
    }

    @Test
    void apiKeyWhenBlankThenNone() {
        assertThat(port("  ", null).apiKeyRequired()).isFalse();
    }

    @Test
    void clientAuthWhenNoBundleThenRefused() {
        assertThatThrownBy(() -> new ManagementPortProperties.Tls(null, Ssl.ClientAuth.NEED))
                .hasMessageStartingWith("CONNECTOR_MANAGEMENT_SSL_CLIENT_AUTH needs CONNECTOR_MANAGEMENT_SSL_BUNDLE");
    }

    @Test
    void startWhenSslBundleUnknownThenRefusedNamingTheVariable() {
        assertThat(StartupRefusal.of(Map.of("connector.management.ssl.bundle", "missing")))
                .startsWith("The connector configuration is invalid: CONNECTOR_MANAGEMENT_SSL_BUNDLE names no SSL bundle");
    }

    @Test
    void allowedOriginsWhenWrittenLooselyThenSerialisedAsBrowsersSendThem() {
        assertThat(api(List.of("HTTPS://Admin.Example.com:443", "http://localhost:9000", " "), List.of()).allowedOrigins())
                .containsExactly("https://admin.example.com", "http://localhost:9000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin.example.com", "https://admin.example.com/", "https://admin.example.com/ui", "ftp://x.example",
            "https://user@admin.example.com", "null", "*"})
    void allowedOriginsWhenNotAnOriginThenRefusedNamingTheVariable(String origin) {
        assertThatThrownBy(() -> api(List.of(origin), List.of())).hasMessageStartingWith("CONNECTOR_MANAGEMENT_ALLOWED_ORIGINS entries must be origins");
    }

    @ParameterizedTest
    @ValueSource(strings = {"connector:8081", "http://connector", "*", "a b"})
    void allowedHostsWhenNotAHostNameThenRefusedNamingTheVariable(String host) {
        assertThatThrownBy(() -> api(List.of(), List.of(host))).hasMessageStartingWith("CONNECTOR_MANAGEMENT_ALLOWED_HOSTS entries must be host names");
    }

    @Test
    void allowedHostsWhenNamesAndAddressesThenLowerCase() {
        assertThatCode(() -> api(List.of(), List.of("Connector.Internal", "10.0.0.5", "[::1]"))).doesNotThrowAnyException();
        assertThat(api(List.of(), List.of("Connector.Internal")).allowedHosts()).containsExactly("connector.internal");
    }

    private static ManagementPortProperties port(String apiKey, ManagementPortProperties.Tls tls) {
        return new ManagementPortProperties(8081, null, apiKey, tls);
    }

    private static ManagementApiProperties api(List<String> origins, List<String> hosts) {
        return new ManagementApiProperties(DataSize.ofKilobytes(64), origins, hosts);
    }
}
