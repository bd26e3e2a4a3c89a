package io.github.vciconnector.flow;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.CredentialOffer;
import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.HttpResult;
import io.github.vciconnector.demo.IssuerMetadata;
import io.github.vciconnector.demo.JwtKeyProofs;
import io.github.vciconnector.demo.SdJwtView;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.support.TestOffers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch sent as one {@code jwt} proof per key, every proof carrying the same key attestation (issue 10, the
 * conformance suite's shape): the holder keys are the distinct attested keys, in {@code attested_keys} order.
 */
class SharedKeyAttestationBatchTest extends HaipIntegrationTest {

    private final WalletProvider provider = walletProvider();
    private final WalletClient wallet = eudiWallet(provider, provider.clientAttestation(CLIENT_ID, true));
    private final ECKey dpopKey = WalletClient.generateKey();
    private final List<ECKey> holderKeys = keys(10);
    private IssuerMetadata metadata;
    private String accessToken;

    @BeforeEach
    void redeemOffer() throws Exception {
        metadata = wallet.fetchMetadata(ISSUER);
        CredentialOffer offer = wallet.resolveOffer((String) createOffer(TestOffers.ERIKA).get("credential_offer_uri"));
        accessToken = wallet.requestToken(metadata, offer, null, dpopKey).accessToken();
    }

    @Test
    void credentialWhenTenProofsCarryOneAttestationOfTenKeysThenTenCredentialsInAttestedKeysOrder() throws Exception {
        String cNonce = wallet.requestNonce(metadata);
        String attestation = provider.keyAttestation(holderKeys, cNonce).build();
        var proofs = new ArrayList<String>();
        for (int i = holderKeys.size() - 1; i >= 0; i--) proofs.add(proof(attestation, i, holderKeys.get(i), cNonce)); // reversed

        HttpResult result = credential(proofs);

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        List<?> credentials = (List<?>) result.json().get("credentials");
        assertThat(credentials).hasSize(10);
        for (int i = 0; i < 10; i++) {
            ECKey bound = SdJwtView.verify((String) ((Map<?, ?>) credentials.get(i)).get("credential")).cnfJwk();
            assertThat(bound.computeThumbprint()).isEqualTo(holderKeys.get(i).computeThumbprint());  // VCI-CRS-2, EUDI-6
        }
    }

    @Test
    void credentialWhenOneOfTheProofsSignedByUnattestedKeyThenInvalidProof() {
        String cNonce = wallet.requestNonce(metadata);
        String attestation = provider.keyAttestation(holderKeys, cNonce).build();
        var proofs = new ArrayList<String>(List.of(proof(attestation, 0, holderKeys.get(0), cNonce)));
        proofs.add(proof(attestation, 1, WalletClient.generateKey(), cNonce));

        assertInvalidProof(credential(proofs), "proof is not signed by the attested key it names");
    }

    @Test
    void credentialWhenTwoProofsSignedBySameAttestedKeyThenInvalidProof() {
        String cNonce = wallet.requestNonce(metadata);
        String attestation = provider.keyAttestation(holderKeys, cNonce).build();

        assertInvalidProof(credential(List.of(proof(attestation, 3, holderKeys.get(3), cNonce), proof(attestation, 3, holderKeys.get(3), cNonce))),
                "each proof must use a distinct key");
    }

    @Test
    void credentialWhenSharedAttestationListsMoreKeysThanBatchSizeThenInvalidProof() {
        String cNonce = wallet.requestNonce(metadata);
        List<ECKey> eleven = new ArrayList<>(holderKeys);
        eleven.add(WalletClient.generateKey());
        String attestation = provider.keyAttestation(eleven, cNonce).build();

        assertInvalidProof(credential(List.of(proof(attestation, 0, eleven.get(0), cNonce), proof(attestation, 1, eleven.get(1), cNonce))),
                "more holder keys than batch_size " + metadata.batchSize());
    }

    private static String proof(String keyAttestation, int kid, ECKey signer, String cNonce) {
        return JwtKeyProofs.builder(signer, ISSUER, cNonce, CLIENT_ID, Instant.now())
                .header("jwk", null).header("kid", Integer.toString(kid)).header("key_attestation", keyAttestation).build();
    }

    private HttpResult credential(List<String> proofs) {
        URI endpoint = metadata.credentialEndpoint();
        var headers = new HashMap<String, String>();
        headers.put("Authorization", "DPoP " + accessToken);
        headers.put("DPoP", DPoPProofs.buildDPoPProof("POST", endpoint, dpopKey, accessToken, wallet.http().latestDPoPNonce()));
        return wallet.http().postJson(endpoint, Map.of("credential_configuration_id", "IdentityCredential",
                "proofs", Map.of("jwt", proofs)), headers);
    }

    private static void assertInvalidProof(HttpResult result, String description) {
        assertThat(result.status()).as(result.body()).isEqualTo(400);
        assertThat(result.json()).containsEntry("error", "invalid_proof").containsEntry("error_description", description);
    }

    private static List<ECKey> keys(int count) {
        var keys = new ArrayList<ECKey>();
        for (int i = 0; i < count; i++) keys.add(WalletClient.generateKey());
        return keys;
    }
}
