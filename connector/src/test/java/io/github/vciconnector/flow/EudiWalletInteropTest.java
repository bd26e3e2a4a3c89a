package io.github.vciconnector.flow;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.Disclosure;
import io.github.vciconnector.demo.IssuanceResult;
import io.github.vciconnector.demo.IssuerMetadata;
import io.github.vciconnector.demo.SdJwtView;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletOptions;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.support.TestOffers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interoperability with a wallet that behaves on the wire like the EUDI reference wallet (standards.md R.2, EUDI-1,
 * -4, -5, -8, -9, -11, -12), over TLS, against the connector's HAIP-strict defaults.
 */
class EudiWalletInteropTest extends HaipIntegrationTest {

    @Test
    void issuanceWhenEudiWalletRedeemsPlainOfferThenCredentialBoundToAttestedKey() throws Exception {
        var trace = new ArrayList<String>();
        WalletProvider provider = walletProvider();
        WalletClient wallet = new WalletClient(HTTPS, eudiWallet(provider, provider.clientAttestation(CLIENT_ID, true))
                .options().withTrace(trace::add));

        IssuanceResult result = wallet.receive((String) createOffer(TestOffers.ERIKA).get("credential_offer_uri"), null, 1);

        assertThat(result.credentials()).hasSize(1);
        SdJwtView credential = SdJwtView.verify(result.credentials().get(0));
        assertThat(credential.payload()).containsEntry("iss", ISSUER);
        // L-5: the public key members only, not the wallet's kid
        assertThat(credential.cnfJwk().toJSONObject()).isEqualTo(result.holderKeys().get(0).toPublicJWK().getRequiredParams());
        assertThat(credential.disclosedClaims()).containsEntry("given_name", "Erika");
        // EUDI-9: the first token request meets a DPoP nonce challenge and is retried exactly once.
        assertThat(trace).containsOnlyOnce("token endpoint asked for a DPoP nonce, retrying once");
    }

    @Test
    void issuanceWhenEudiWalletRedeemsTxCodeOfferThenCredentialIssued() throws Exception {
        Map<String, Object> offer = createOffer(TestOffers.ERIKA_WITH_TX_CODE);

        IssuanceResult result = eudiWallet().receive((String) offer.get("credential_offer_uri"), (String) offer.get("tx_code"), 1);

        assertThat(SdJwtView.verify(result.credentials().get(0)).disclosedClaims()).containsEntry("family_name", "Mustermann");
    }

    @Test
    void issuanceWhenKeyAttestationHoldsThreeKeysThenThreeCredentialsInKeyOrderWithDistinctSalts() throws Exception {
        IssuanceResult result = eudiWallet().receive((String) createOffer(TestOffers.ERIKA).get("credential_offer_uri"), null, 3);

        // EUDI-6, HAIP batch: one credential per attested key, positionally, each bound to its own key.
        assertThat(result.credentials()).hasSize(3);
        var salts = new HashSet<String>();
        int disclosures = 0;
        for (int i = 0; i < 3; i++) {
            SdJwtView credential = SdJwtView.verify(result.credentials().get(i));
            ECKey attested = result.holderKeys().get(i);
            assertThat(credential.cnfJwk().toJSONObject()).isEqualTo(attested.toPublicJWK().getRequiredParams());
            // SDJWT-12: each credential's times are rounded to the day on their own.
            assertThat(((Number) credential.payload().get("iat")).longValue() % 86400).isZero();
            for (Disclosure disclosure : credential.disclosures()) {
                salts.add(disclosure.salt());
                disclosures++;
            }
        }
        assertThat(salts).hasSize(disclosures); // VCI-CRS-8: fresh salts in every credential
        assertThat(result.holderKeys().stream().map(k -> k.toPublicJWK().toJSONString()).distinct()).hasSize(3);
    }

    @Test
    void issuanceWhenWalletSendsAttestationProofTypeAndLaterAbcaShapeThenCredentialIssued() throws Exception {
        WalletProvider provider = walletProvider();
        // ABCA -08+: no iss in attestation or PoP; App. F.3: {"proofs": {"attestation": [<KA>]}}.
        WalletOptions options = WalletOptions.defaults().withClientId(CLIENT_ID)
                .withClientAttestation(provider.clientAttestation(CLIENT_ID, false))
                .withKeyProofs(provider.keyProofs(CLIENT_ID).withAttestationProofType());

        IssuanceResult result = new WalletClient(HTTPS, options)
                .receive((String) createOffer(TestOffers.ERIKA).get("credential_offer_uri"), null, 2);

        assertThat(result.credentials()).hasSize(2);
        assertThat(SdJwtView.verify(result.credentials().get(1)).cnfJwk().toJSONObject())
                .isEqualTo(result.holderKeys().get(1).toPublicJWK().getRequiredParams());
    }

    @Test
    void metadataWhenHaipStrictThenAdvertisesAttestationsAsEudiWalletsDemand() {
        IssuerMetadata metadata = metadata();

        // EUDI-8, AS-MD-6/7/8
        assertThat(metadata.authorizationServerList("token_endpoint_auth_methods_supported")).containsExactly("attest_jwt_client_auth");
        assertThat(metadata.authorizationServerList("client_attestation_signing_alg_values_supported")).containsExactly("ES256");
        assertThat(metadata.authorizationServerList("client_attestation_pop_signing_alg_values_supported")).containsExactly("ES256");
        assertThat(metadata.dpopSigningAlgorithms()).containsExactly("ES256");
        assertThat(metadata.authorizationServer()).containsEntry("pre-authorized_grant_anonymous_access_supported", false);
        // EUDI-4: key_attestations_required on every proof type, with the default levels (issue 13)
        var levels = Map.of("key_storage", List.of("iso_18045_high"), "user_authentication", List.of("iso_18045_high"));
        var keyAttested = Map.of("proof_signing_alg_values_supported", List.of("ES256"), "key_attestations_required", levels);
        assertThat(metadata.proofTypes("IdentityCredential")).isEqualTo(Map.of("jwt", keyAttested, "attestation", keyAttested));
        assertThat(metadata.batchSize()).isGreaterThanOrEqualTo(3);
        assertThat(metadata.credentialIssuerId()).startsWith("https://");
    }

    @Test
    void nonceWhenBarePostThenCNonceAndDPoPNonceForTheCredentialRequest() {
        var result = eudiWallet().http().postEmpty(URI.create(ISSUER + "/oidc4vci/nonce"));

        // EUDI-11, DPOP-10
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json()).containsKey("c_nonce");
        assertThat(result.header("DPoP-Nonce")).isPresent();
        assertThat(result.header("Cache-Control")).hasValue("no-store");
    }

    @Test
    void infoWhenHaipStrictThenNoRelaxationListed() throws Exception {
        var response = HTTPS.send(HttpRequest.newBuilder(managementUri("/actuator/info")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"wallet_attestation\":\"required\"", "\"key_attestation\":\"required\"",
                "\"relaxations\":[]");
    }
}
