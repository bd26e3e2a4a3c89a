package io.github.vciconnector.flow;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.CredentialOffer;
import io.github.vciconnector.demo.DPoPProofs;
import io.github.vciconnector.demo.HttpResult;
import io.github.vciconnector.demo.IssuerMetadata;
import io.github.vciconnector.demo.JwtKeyProofs;
import io.github.vciconnector.demo.SignedJwtBuilder;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.keys.TestChains;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.support.TestOffers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Credential requests whose key attestation must be refused (VCI-PRF-4/6, VCI-KA-1/2), each with its exact error. */
class KeyAttestationRefusalTest extends HaipIntegrationTest {

    private final WalletProvider provider = walletProvider();
    private final WalletClient wallet = eudiWallet(provider, provider.clientAttestation(CLIENT_ID, true));
    private final ECKey dpopKey = WalletClient.generateKey();
    private final ECKey holderKey = WalletClient.generateKey();
    private IssuerMetadata metadata;
    private String accessToken;

    @BeforeEach
    void redeemOffer() throws Exception {
        metadata = wallet.fetchMetadata(ISSUER);
        CredentialOffer offer = wallet.resolveOffer((String) createOffer(TestOffers.ERIKA).get("credential_offer_uri"));
        accessToken = wallet.requestToken(metadata, offer, null, dpopKey).accessToken();
    }

    @Test
    void credentialWhenKeyAttestationNonceIsNotTheCNonceThenInvalidProof() {
        String cNonce = wallet.requestNonce(metadata);
        String keyAttestation = provider.keyAttestation(List.of(holderKey), wallet.requestNonce(metadata)).build();

        assertInvalidProof(jwtProof(keyAttestation, "0", holderKey, cNonce), "key attestation nonce does not match the c_nonce");
    }

    @Test
    void credentialWhenKeyAttestationExpiredThenInvalidProof() {
        String cNonce = wallet.requestNonce(metadata);
        String keyAttestation = provider.keyAttestation(List.of(holderKey), cNonce)
                .claim("exp", Instant.now().minusSeconds(60).getEpochSecond()).build();

        assertInvalidProof(jwtProof(keyAttestation, "0", holderKey, cNonce), "key attestation has expired");
    }

    @Test
    void credentialWhenKeyAttestationFromUntrustedChainThenInvalidProof() {
        var rogue = TestPki.ca("Rogue Key Attestation CA");
        var untrusted = new WalletProvider(rogue.certificate(), rogue.keys().getPrivate(), Clock.systemUTC());
        String cNonce = wallet.requestNonce(metadata);

        assertInvalidProof(jwtProof(untrusted.keyAttestation(List.of(holderKey), cNonce).build(), "0", holderKey, cNonce),
                "key attestation is not from a trusted issuer: x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    @Test
    void credentialWhenKeyAttestationLeafIsACaThenInvalidProof() {
        // L-4: a CA certificate signs certificates, not attestations; a CA:TRUE leaf under a trusted anchor was accepted.
        var caLeaf = TestChains.certificate("CN=Key Attestation Signer").caFlag().issuedBy(WALLET_PROVIDER_CA);
        String cNonce = wallet.requestNonce(metadata);
        String keyAttestation = provider.keyAttestation(List.of(holderKey), cNonce)
                .header("x5c", TestChains.x5c(caLeaf.certificate())).signWith(TestChains.signingKey(caLeaf)).build();

        assertInvalidProof(jwtProof(keyAttestation, "0", holderKey, cNonce),
                "key attestation is not from a trusted issuer: x5c leaf certificate must not be a CA");
    }

    @Test
    void credentialWhenProofSignedByKeyNotInAttestedKeysThenInvalidProof() {
        String cNonce = wallet.requestNonce(metadata);
        String keyAttestation = provider.keyAttestation(List.of(holderKey), cNonce).build();

        assertInvalidProof(jwtProof(keyAttestation, "0", WalletClient.generateKey(), cNonce),
                "proof is not signed by the attested key it names");
    }

    @Test
    void credentialWhenKidIsNotAnIndexIntoAttestedKeysThenInvalidProof() {
        String cNonce = wallet.requestNonce(metadata);
        String keyAttestation = provider.keyAttestation(List.of(holderKey), cNonce).build();

        assertInvalidProof(jwtProof(keyAttestation, "1", holderKey, cNonce), "proof kid must be an index into attested_keys");
    }

    @Test
    void credentialWhenPlainJwkProofAndKeyAttestationRequiredThenInvalidProof() {
        String proof = JwtKeyProofs.builder(holderKey, ISSUER, wallet.requestNonce(metadata), CLIENT_ID, Instant.now()).build();

        assertInvalidProof(Map.of("jwt", List.of(proof)), "key attestation required: send key_attestation or the attestation proof type");
    }

    @Test
    void credentialWhenAttestationProofHasNoNonceThenInvalidProof() {
        String keyAttestation = provider.keyAttestation(List.of(holderKey), null).build();

        assertInvalidProof(Map.of("attestation", List.of(keyAttestation)), "key attestation has no nonce");
    }

    @Test
    void credentialWhenAttestationProofNonceUnknownThenInvalidNonce() {
        String keyAttestation = provider.keyAttestation(List.of(holderKey), "not-a-nonce-of-this-issuer").build();

        HttpResult result = credential(Map.of("attestation", List.of(keyAttestation)));

        assertThat(result.status()).as(result.body()).isEqualTo(400);
        assertThat(result.json()).containsEntry("error", "invalid_nonce");
    }

    @Test
    void credentialWhenMoreAttestedKeysThanBatchSizeThenInvalidProof() {
        String cNonce = wallet.requestNonce(metadata);
        var keys = new java.util.ArrayList<ECKey>();
        for (int i = 0; i <= metadata.batchSize(); i++) keys.add(i == 0 ? holderKey : WalletClient.generateKey());
        String keyAttestation = provider.keyAttestation(keys, cNonce).build();

        assertInvalidProof(jwtProof(keyAttestation, "0", holderKey, cNonce), "more holder keys than batch_size " + metadata.batchSize());
    }

    @Test
    void credentialWhenKeyStorageBelowTheAdvertisedLevelThenInvalidProof() {
        String cNonce = wallet.requestNonce(metadata);
        String keyAttestation = provider.keyAttestation(List.of(holderKey), cNonce).claim("key_storage", List.of("iso_18045_basic")).build();

        assertInvalidProof(jwtProof(keyAttestation, "0", holderKey, cNonce),
                "key attestation key_storage does not meet the required level (accepted: iso_18045_high)");
    }

    @Test
    void credentialWhenAttestationProofWithoutUserAuthenticationLevelThenInvalidProof() {
        String keyAttestation = provider.keyAttestation(List.of(holderKey), wallet.requestNonce(metadata))
                .claim("user_authentication", null).build();

        assertInvalidProof(Map.of("attestation", List.of(keyAttestation)),
                "key attestation user_authentication does not meet the required level (accepted: iso_18045_high)");
    }

    /** A {@code jwt} proof as EUDI-5 sends it: key_attestation header and kid index, no jwk. */
    private static Map<String, Object> jwtProof(String keyAttestation, String kid, ECKey signer, String cNonce) {
        SignedJwtBuilder proof = JwtKeyProofs.builder(signer, ISSUER, cNonce, CLIENT_ID, Instant.now())
                .header("jwk", null).header("kid", kid).header("key_attestation", keyAttestation);
        return Map.of("jwt", List.of(proof.build()));
    }

    private HttpResult credential(Map<String, Object> proofs) {
        URI endpoint = metadata.credentialEndpoint();
        var headers = new HashMap<String, String>();
        headers.put("Authorization", "DPoP " + accessToken);
        headers.put("DPoP", DPoPProofs.buildDPoPProof("POST", endpoint, dpopKey, accessToken, wallet.http().latestDPoPNonce()));
        return wallet.http().postJson(endpoint, Map.of("credential_configuration_id", "IdentityCredential", "proofs", proofs), headers);
    }

    private void assertInvalidProof(Map<String, Object> proofs, String description) {
        HttpResult result = credential(proofs);
        assertThat(result.status()).as(result.body()).isEqualTo(400);
        assertThat(result.json()).containsEntry("error", "invalid_proof").containsEntry("error_description", description);
    }
}
