package io.github.vciconnector.flow;

import io.github.vciconnector.demo.IssuanceResult;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletException;
import io.github.vciconnector.demo.WalletOptions;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dev profile's explicit relaxations (DESIGN §7a): advertised honestly, listed in /actuator/info, plain wallets
 * accepted, and a wallet attestation that IS sent still checked (never ignored).
 */
class RelaxedHaipTest extends WalletFlowTest {

    @Test
    void metadataWhenKeyAttestationOptionalThenJwtProofWithoutKeyAttestationsRequired() {
        var metadata = metadata();

        // VCI-MD-16: key_attestations_required only when key attestation is required.
        assertThat(metadata.proofTypes("IdentityCredential"))
                .isEqualTo(Map.of("jwt", Map.of("proof_signing_alg_values_supported", List.of("ES256"))));
        assertThat(metadata.authorizationServerList("token_endpoint_auth_methods_supported"))
                .containsExactly("none", "attest_jwt_client_auth");
    }

    @Test
    void infoWhenRelaxedThenEachRelaxationListed() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(managementUri("/actuator/info")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"wallet_attestation\":\"optional\"", "\"key_attestation\":\"optional\"",
                "wallet attestation optional", "key attestation optional");
    }

    @Test
    void issuanceWhenRelaxedWithoutAnchorsAndEudiWalletSendsAttestationsThenIssued() throws Exception {
        // ABCA-10 development mode: no anchors configured, so any wallet provider's attestation is taken on its x5c leaf.
        var ca = TestPki.ca("Unconfigured Wallet Provider CA");
        var provider = new WalletProvider(ca.certificate(), ca.keys().getPrivate(), Clock.systemUTC());
        var wallet = new WalletClient(HTTP, WalletOptions.defaults()
                .withClientAttestation(provider.clientAttestation(WalletOptions.DEFAULT_CLIENT_ID, true))
                .withKeyProofs(provider.keyProofs(WalletOptions.DEFAULT_CLIENT_ID)));

        var result = wallet.receive((String) createOffer().get("credential_offer_uri"), null, 2);

        assertThat(result.credentials()).hasSize(2);
    }

    @Test
    void tokenWhenRelaxedWithoutAnchorsButAttestationForAnotherClientThenInvalidClient() throws Exception {
        // Without anchors the chain is not trusted, but every other check of the attestation still applies (ABCA-4).
        var ca = TestPki.ca("Unconfigured Wallet Provider CA");
        var provider = new WalletProvider(ca.certificate(), ca.keys().getPrivate(), Clock.systemUTC());
        var wallet = new WalletClient(HTTP, WalletOptions.defaults().withClientAttestation(
                provider.clientAttestation("another-wallet", true)));

        assertThatThrownBy(() -> wallet.receive((String) createOffer().get("credential_offer_uri"), null, 1))
                .isInstanceOfSatisfying(WalletException.class, e -> assertThat(e.error()).isEqualTo("invalid_client"));
    }

    @Test
    void issuanceWhenRelaxedAndPlainWalletSendsTwoJwkProofsThenTwoCredentials() throws Exception {
        IssuanceResult result = wallet().receive((String) createOffer().get("credential_offer_uri"), null, 2);

        assertThat(result.credentials()).hasSize(2);
    }
}
