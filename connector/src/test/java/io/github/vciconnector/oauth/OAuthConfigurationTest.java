package io.github.vciconnector.oauth;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.HaipProperties;
import io.github.vciconnector.keys.AttestationStatus;
import io.github.vciconnector.keys.AttestationStatusProperties;
import io.github.vciconnector.keys.TrustAnchorRefresher;
import io.github.vciconnector.oauth.clientauth.WalletAttestationProperties;
import io.github.vciconnector.session.memory.InMemorySessionStore;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN §7a: HAIP-strict by default, so a connector without wallet-provider trust anchors refuses to start. */
class OAuthConfigurationTest {

    private final InMemorySessionStore store = new InMemorySessionStore(Clock.systemUTC(), Duration.ofMinutes(1));
    private final TrustAnchorRefresher refresher = new TrustAnchorRefresher(Duration.ofMinutes(1));
    private final ConnectorProperties connector = new ConnectorProperties(URI.create("https://issuer.example"));

    @Test
    void clientAuthenticationWhenRequiredAndNoTrustAnchorsThenRefusesNamingTheVariable() {
        assertThatThrownBy(() -> new OAuthConfiguration().clientAuthentication(haip(HaipProperties.Requirement.REQUIRED),
                properties(List.of()), store, Clock.systemUTC(), connector, refresher, new AttestationStatus(AttestationStatusProperties.defaults(), Clock.systemUTC())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS (connector.wallet-attestation.trust-anchors) is not set");
    }

    @Test
    void clientAuthenticationWhenTrustAnchorFileUnreadableThenRefusesNamingTheVariable() {
        assertThatThrownBy(() -> new OAuthConfiguration().clientAuthentication(haip(HaipProperties.Requirement.OPTIONAL),
                properties(List.of(Path.of("/nonexistent/ca.pem"))), store, Clock.systemUTC(), connector, refresher, new AttestationStatus(AttestationStatusProperties.defaults(), Clock.systemUTC())))
                .hasMessageStartingWith("CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS");
    }

    @Test
    void clientAuthenticationWhenOptionalAndNoTrustAnchorsThenStarts() {
        assertThatCode(() -> new OAuthConfiguration().clientAuthentication(haip(HaipProperties.Requirement.OPTIONAL),
                properties(List.of()), store, Clock.systemUTC(), connector, refresher, new AttestationStatus(AttestationStatusProperties.defaults(), Clock.systemUTC()))).doesNotThrowAnyException();
    }

    private static HaipProperties haip(HaipProperties.Requirement walletAttestation) {
        return new HaipProperties(walletAttestation, HaipProperties.Requirement.REQUIRED);
    }

    private static WalletAttestationProperties properties(List<Path> anchors) {
        return new WalletAttestationProperties(anchors, Duration.ofMinutes(5), Duration.ofSeconds(15));
    }
}
