package io.github.vciconnector.flow;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.HttpResult;
import io.github.vciconnector.demo.WalletAttestations;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.keys.TestChains;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.support.TestOffers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Token requests whose wallet attestation must be refused (ABCA-1..5, -8, VCI-TOK-5), each with its exact error. */
class WalletAttestationRefusalTest extends HaipIntegrationTest {

    private final WalletProvider provider = walletProvider();
    private final ECKey instanceKey = WalletClient.generateKey();
    private final WalletAttestations attestations = new WalletAttestations(provider, CLIENT_ID, instanceKey, true, Clock.systemUTC());
    private final WalletClient wallet = eudiWallet(provider, attestations);

    @Test
    void tokenWhenWalletAttestationMissingThenInvalidClient() throws Exception {
        assertInvalidClient(token(Map.of(), CLIENT_ID),
                "wallet attestation is required: send OAuth-Client-Attestation and OAuth-Client-Attestation-PoP");
    }

    @Test
    void tokenWhenAttestationFromUntrustedCaThenInvalidClient() throws Exception {
        var rogue = TestPki.ca("Rogue Wallet Provider CA");
        var untrusted = new WalletProvider(rogue.certificate(), rogue.keys().getPrivate(), Clock.systemUTC());

        assertInvalidClient(token(untrusted.clientAttestation(CLIENT_ID, true).headers(ISSUER), CLIENT_ID),
                "client attestation is not from a trusted wallet provider: x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    @Test
    void tokenWhenX5cListsTheIssuingCaBeforeTheLeafThenInvalidClient() throws Exception {
        // L-3: signed with the intermediate CA's key, which x5c[0] named, while PKIX validated the re-sorted chain.
        var intermediate = TestChains.certificate("CN=Test Wallet Provider Issuing CA").ca(null).issuedBy(WALLET_PROVIDER_CA);
        var leaf = TestChains.certificate("CN=Wallet Attestation Signer").issuedBy(intermediate);
        String attestation = provider.walletAttestation(CLIENT_ID, instanceKey)
                .header("x5c", TestChains.x5c(intermediate.certificate(), leaf.certificate()))
                .signWith(TestChains.signingKey(intermediate)).build();

        assertInvalidClient(token(headers(attestation, attestations.pop(ISSUER).build()), CLIENT_ID),
                "client attestation is not from a trusted wallet provider: x5c must list the leaf first, each certificate followed by its issuer");
    }

    @Test
    void tokenWhenAttestationExpiredThenInvalidClient() throws Exception {
        String expired = provider.walletAttestation(CLIENT_ID, instanceKey)
                .claim("exp", Instant.now().minusSeconds(60).getEpochSecond()).build();

        assertInvalidClient(token(headers(expired, attestations.pop(ISSUER).build()), CLIENT_ID), "client attestation has expired");
    }

    @Test
    void tokenWhenClientIdDiffersFromAttestationSubThenInvalidClient() throws Exception {
        assertInvalidClient(token(attestations.headers(ISSUER), "another-client"),
                "client_id does not match the client attestation sub");  // ABCA-4
    }

    @Test
    void tokenWhenPoPAudienceIsNotTheIssuerThenInvalidClient() throws Exception {
        String pop = attestations.pop("https://other-issuer.example").build();

        assertInvalidClient(token(headers(attestations.attestation(), pop), CLIENT_ID),
                "client attestation PoP aud must be the issuer identifier");
    }

    @Test
    void tokenWhenPoPJtiReplayedThenInvalidClient() throws Exception {
        Map<String, String> headers = attestations.headers(ISSUER);
        assertThat(token(headers, CLIENT_ID).status()).isEqualTo(200);

        assertInvalidClient(token(headers, CLIENT_ID), "client attestation PoP jti was already used");  // ABCA-5
    }

    @Test
    void tokenWhenPoPSignedByAnotherKeyThanCnfThenInvalidClient() throws Exception {
        String pop = attestations.pop(ISSUER).signWith(WalletClient.generateKey()).build();

        assertInvalidClient(token(headers(attestations.attestation(), pop), CLIENT_ID),
                "client attestation PoP is not signed by the attested cnf key");
    }

    @Test
    void tokenWhenPoPMissingThenInvalidClient() throws Exception {
        assertInvalidClient(token(Map.of(WalletAttestations.ATTESTATION_HEADER, attestations.attestation()), CLIENT_ID),
                "exactly one OAuth-Client-Attestation-PoP header is required");
    }

    @Test
    void tokenWhenAttestationTypWrongThenInvalidClient() throws Exception {
        String attestation = provider.walletAttestation(CLIENT_ID, instanceKey).header("typ", "JWT").build();

        assertInvalidClient(token(headers(attestation, attestations.pop(ISSUER).build()), CLIENT_ID),
                "client attestation typ must be oauth-client-attestation+jwt");
    }

    @Test
    void tokenWhenLaterAbcaShapeWithoutClientIdThenAccepted() throws Exception {
        var later = provider.clientAttestation(CLIENT_ID, false); // ABCA -08+: no iss anywhere

        assertThat(token(later.headers(ISSUER), null).status()).isEqualTo(200);
    }

    /** A pre-authorized code token request for a fresh offer, with a valid DPoP proof (fresh server nonce). */
    private HttpResult token(Map<String, String> attestationHeaders, String clientId) throws Exception {
        String code = wallet.resolveOffer((String) createOffer(TestOffers.ERIKA).get("credential_offer_uri")).preAuthorizedCode();
        var form = new HashMap<String, String>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:pre-authorized_code");
        form.put("pre-authorized_code", code);
        if (clientId != null) form.put("client_id", clientId);
        URI endpoint = URI.create(ISSUER + "/oidc4vci/token");
        String nonce = wallet.http().postEmpty(URI.create(ISSUER + "/oidc4vci/nonce")).header("DPoP-Nonce").orElseThrow();
        var headers = new HashMap<>(attestationHeaders);
        headers.put("DPoP", DPoPProofs.buildDPoPProof("POST", endpoint, WalletClient.generateKey(), null, nonce));
        return wallet.http().postForm(endpoint, form, headers);
    }

    private static Map<String, String> headers(String attestation, String pop) {
        return Map.of(WalletAttestations.ATTESTATION_HEADER, attestation, WalletAttestations.POP_HEADER, pop);
    }

    private static void assertInvalidClient(HttpResult result, String description) {
        // EUDI-9: only 400 bodies are read, so invalid_client is a 400 too.
        assertThat(result.status()).as(result.body()).isEqualTo(400);
        assertThat(result.json()).containsEntry("error", "invalid_client").containsEntry("error_description", description);
        assertThat(result.header("Cache-Control")).hasValue("no-store");
    }
}
