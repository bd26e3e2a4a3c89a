package io.github.vciconnector.flow;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.IssuanceResult;
import io.github.vciconnector.demo.SdJwtView;
import io.github.vciconnector.support.TestOffers;
import io.github.vciconnector.support.WalletFlowTest;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole pre-authorized code flow through real HTTP: offer, token, nonce, credential, callbacks. */
class IssuanceFlowTest extends WalletFlowTest {

    @Test
    void issuanceWhenWalletCompletesFlowThenCredentialVerifiesIndependentlyAndCallbacksArrive() throws Exception {
        Map<String, Object> offer = createOffer();
        String offerId = (String) offer.get("offer_id");

        IssuanceResult result = wallet().receive((String) offer.get("credential_offer_uri"), null, 1);

        assertThat(result.credentials()).hasSize(1);
        SdJwtView credential = SdJwtView.verify(result.credentials().get(0)); // signature checked with the x5c leaf
        assertThat(credential.header()).containsEntry("typ", "dc+sd-jwt").containsEntry("alg", "ES256");
        assertThat(credential.payload()).containsEntry("vct", "urn:example:identity-credential:1")
                .containsEntry("iss", issuer()).containsKeys("iat", "exp", "cnf", "_sd");
        // SDJWT-12: times rounded to the day, so batch credentials are not linkable by time.
        assertThat(((Number) credential.payload().get("iat")).longValue() % 86400).isZero();
        assertThat(credential.disclosedClaims()).containsEntry("given_name", "Erika").containsEntry("family_name", "Mustermann");
        assertThat(credential.payload()).doesNotContainKeys("given_name", "family_name"); // sd: allowed -> disclosures
        // SDVC-5, L-5: cnf.jwk is exactly the public key the wallet proved possession of, without its kid.
        ECKey holder = result.holderKeys().get(0);
        assertThat(credential.cnfJwk().toJSONObject()).isEqualTo(holder.toPublicJWK().getRequiredParams());
        // SDVC-2: the x5c leaf is not self-signed.
        X509Certificate leaf = credential.certificateChain().get(0);
        assertThat(leaf.getIssuerX500Principal()).isNotEqualTo(leaf.getSubjectX500Principal());

        List<Map<String, Object>> events = callbacksFor(offerId, 2);
        assertThat(events).extracting(e -> e.get("status")).containsExactly("OFFER_CREATED", "ISSUED");
        assertThat(events).allSatisfy(e -> assertThat(e).containsKeys("eventId", "timestamp", "offerId"));
        assertThat(events.toString()).doesNotContain("Erika", "Mustermann");
    }

    @Test
    void issuanceWhenOfferHasTxCodeAndWalletSendsItThenCredentialIssued() throws Exception {
        Map<String, Object> offer = createOffer(TestOffers.ERIKA_WITH_TX_CODE);
        String txCode = (String) offer.get("tx_code");
        assertThat(txCode).matches("[0-9]{6}");

        IssuanceResult result = wallet().receive((String) offer.get("credential_offer_uri"), txCode, 1);

        assertThat(SdJwtView.verify(result.credentials().get(0)).disclosedClaims()).containsEntry("given_name", "Erika");
    }

    @Test
    void offerWhenFetchedThenJsonWithIssuerConfigurationAndGrantButNoTxCodeValue() throws Exception {
        Map<String, Object> created = createOffer(TestOffers.ERIKA_WITH_TX_CODE);
        var offer = wallet().http().get(java.net.URI.create(offerUrl(created)), "application/json");

        assertThat(offer.status()).isEqualTo(200);
        assertThat(offer.mediaType()).isEqualTo("application/json");
        assertThat(offer.header("Cache-Control")).hasValue("no-store");
        assertThat(offer.json()).containsEntry("credential_issuer", issuer())
                .containsEntry("credential_configuration_ids", List.of("IdentityCredential"));
        assertThat(offer.body()).doesNotContain((String) created.get("tx_code")); // VCI-OFF-6
    }

    @Test
    void metadataWhenFetchedThenAdvertisesNonceEndpointScopeAndDPoP() {
        var metadata = metadata();
        assertThat(metadata.credentialIssuer()).containsEntry("credential_issuer", issuer())
                .containsEntry("nonce_endpoint", issuer() + "/oidc4vci/nonce");
        assertThat(metadata.credentialConfiguration("IdentityCredential")).containsEntry("scope", "identity_credential")
                .containsEntry("format", "dc+sd-jwt");
        assertThat(metadata.dpopSigningAlgorithms()).containsExactly("ES256");
        assertThat(metadata.authorizationServer()).containsEntry("issuer", issuer());
    }
}
