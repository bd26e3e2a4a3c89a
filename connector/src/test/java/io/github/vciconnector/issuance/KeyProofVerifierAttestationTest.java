package io.github.vciconnector.issuance;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.demo.JwtKeyProofs;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.session.ServerSecrets;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key proofs with key attestation without HTTP (OID4VCI 1.0 App. F.1, F.3, D; VCI-PRF-4, VCI-PRF-6, EUDI-5,
 * EUDI-6): the {@code key_attestation} header of {@code jwt} proofs and the {@code attestation} proof type.
 */
class KeyProofVerifierAttestationTest extends KeyProofVerifierFixture {

    // --- jwt proofs with a key_attestation header (EUDI-5, VCI-PRF-4) ---

    @Test
    void verifyWhenKeyAttestationHeaderAndKidZeroThenEveryAttestedKeyInOrder() {
        String attestation = provider.keyAttestation(List.of(holderKey, secondKey), cNonce).build();

        List<ECKey> keys = strict().verify(jwt(attested(holderKey, attestation).header("kid", "0").build()));

        assertThat(keys).containsExactly(holderKey.toPublicJWK(), secondKey.toPublicJWK());
        assertThat(cNonces.consume(cNonce)).isFalse();
    }

    @Test
    void verifyWhenKeyAttestationHeaderAndJwkOfAnAttestedKeyThenAccepted() {
        String attestation = provider.keyAttestation(List.of(holderKey, secondKey), cNonce).build();
        String proof = attested(secondKey, attestation).header("jwk", secondKey.toPublicJWK().toJSONObject()).build();

        assertThat(strict().verify(jwt(proof))).containsExactly(holderKey.toPublicJWK(), secondKey.toPublicJWK());
    }

    @Test
    void verifyWhenKeyAttestationHeaderAndJwkNotAttestedThenInvalidProof() {
        String attestation = provider.keyAttestation(List.of(holderKey), cNonce).build();
        assertInvalidProof(strict(), attested(secondKey, attestation).header("jwk", secondKey.toPublicJWK().toJSONObject()),
                "proof key is not in attested_keys");
    }

    @Test
    void verifyWhenKeyAttestationHeaderAndBothKidAndJwkOrNeitherThenInvalidProof() {
        String attestation = provider.keyAttestation(List.of(holderKey), cNonce).build();
        String description = "proof with key_attestation must identify its key by kid or jwk";
        assertInvalidProof(strict(), attested(holderKey, attestation).header("kid", "0")
                .header("jwk", holderKey.toPublicJWK().toJSONObject()), description);
        assertInvalidProof(strict(), attested(holderKey, attestation), description);
    }

    @Test
    void verifyWhenKidIsNoIndexIntoAttestedKeysThenInvalidProof() {
        String attestation = provider.keyAttestation(List.of(holderKey, secondKey), cNonce).build();
        String description = "proof kid must be an index into attested_keys";
        for (String kid : new String[]{"2", "01", "-1", "key-1", "1000"}) {
            assertInvalidProof(strict(), attested(holderKey, attestation).header("kid", kid), description);
        }
    }

    @Test
    void verifyWhenKidNamesAnotherAttestedKeyThanTheSignerThenInvalidProof() {
        String attestation = provider.keyAttestation(List.of(holderKey, secondKey), cNonce).build();
        assertInvalidProof(strict(), attested(holderKey, attestation).header("kid", "1"),
                "proof is not signed by the attested key it names");
    }

    @Test
    void verifyWhenKeyAttestationHeaderHasNoExpThenInvalidProof() {
        // VCI-KA-2: exp is required for the key_attestation of a jwt proof
        String attestation = provider.keyAttestation(List.of(holderKey), cNonce).claim("exp", null).build();
        assertInvalidProof(strict(), attested(holderKey, attestation).header("kid", "0"), "key attestation has no exp");
    }

    @Test
    void verifyWhenKeyAttestationNonceIsNotTheProofNonceThenInvalidProof() {
        String attestation = provider.keyAttestation(List.of(holderKey), cNonces.issue()).build();
        assertInvalidProof(strict(), attested(holderKey, attestation).header("kid", "0"),
                "key attestation nonce does not match the c_nonce");
    }

    @Test
    void verifyWhenKeyAttestationHeaderIsNotAStringThenInvalidProof() {
        var proof = JwtKeyProofs.builder(holderKey, ISSUER, cNonce, null, clock.instant()).header("jwk", null)
                .header("kid", "0").header("key_attestation", Map.of("typ", "key-attestation+jwt"));
        assertInvalidProof(strict(), proof, "key_attestation must be a compact JWT");
    }

    @Test
    void verifyWhenKeyAttestationUntrustedThenInvalidProofNamingTheCheck() {
        var rogue = TestPki.ca("Rogue Key Attestation CA");
        String attestation = new WalletProvider(rogue.certificate(), rogue.keys().getPrivate(), clock)
                .keyAttestation(List.of(holderKey), cNonce).build();
        assertInvalidProof(strict(), attested(holderKey, attestation).header("kid", "0"),
                "key attestation is not from a trusted issuer: x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    @Test
    void verifyWhenEachProofOfBatchCarriesTheSameAttestationThenDistinctAttestedKeysOnce() {
        // EUDI-6: one credential per distinct attested key, however many proofs carry the attestation
        String attestation = provider.keyAttestation(List.of(holderKey, secondKey), cNonce).build();
        String first = attested(holderKey, attestation).header("kid", "0").build();
        String second = attested(secondKey, attestation).header("kid", "1").build();

        assertThat(strict().verify(jwt(second, first))).containsExactly(holderKey.toPublicJWK(), secondKey.toPublicJWK());
    }

    @Test
    void verifyWhenTwoProofsAreSignedByTheSameAttestedKeyThenInvalidProof() {
        String attestation = provider.keyAttestation(List.of(holderKey, secondKey), cNonce).build();
        String proof = attested(holderKey, attestation).header("kid", "0").build();
        assertRefused(() -> strict().verify(jwt(proof, proof)), CredentialError.INVALID_PROOF, "each proof must use a distinct key");
    }

    @Test
    void verifyWhenKeyAttestationHeaderAndNonceUnknownThenInvalidNonce() {
        String unknown = new CNonces(store, ServerSecrets.random(new SecureRandom()), new SecureRandom(), clock, properties).issue();
        String attestation = provider.keyAttestation(List.of(holderKey), unknown).build();
        String proof = JwtKeyProofs.builder(holderKey, ISSUER, unknown, null, clock.instant()).header("jwk", null)
                .header("kid", "0").header("key_attestation", attestation).build();
        assertRefused(() -> strict().verify(jwt(proof)), CredentialError.INVALID_NONCE, "c_nonce is invalid, expired or used");
    }

    // --- the attestation proof type (VCI-PRF-6) ---

    @Test
    void verifyWhenAttestationProofThenAttestedKeysInOrderAndCNonceConsumed() {
        String attestation = provider.keyAttestation(List.of(secondKey, holderKey), cNonce).claim("exp", null).build();

        List<ECKey> keys = strict().verify(new KeyProofs.AttestationProof(attestation));

        assertThat(keys).as("exp is optional without a proof of possession").containsExactly(secondKey.toPublicJWK(), holderKey.toPublicJWK());
        assertThat(cNonces.consume(cNonce)).isFalse();
    }

    @Test
    void verifyWhenAttestationProofHasNoNonceThenInvalidProof() {
        String attestation = provider.keyAttestation(List.of(holderKey), null).build();
        assertRefused(() -> strict().verify(new KeyProofs.AttestationProof(attestation)), CredentialError.INVALID_PROOF,
                "key attestation has no nonce");
    }

    @Test
    void verifyWhenAttestationProofNonceUsedThenInvalidNonce() {
        String attestation = provider.keyAttestation(List.of(holderKey), cNonce).build();
        var verifier = strict();
        verifier.verify(new KeyProofs.AttestationProof(attestation));

        assertRefused(() -> verifier.verify(new KeyProofs.AttestationProof(attestation)), CredentialError.INVALID_NONCE,
                "c_nonce is invalid, expired or used");
    }

    @Test
    void verifyWhenAttestationProofAttestsMoreKeysThanBatchSizeThenInvalidProofAndCNonceKept() {
        var keys = List.of(holderKey, secondKey, WalletClient.generateKey(), WalletClient.generateKey());
        String attestation = provider.keyAttestation(keys, cNonce).build();
        assertRefused(() -> strict().verify(new KeyProofs.AttestationProof(attestation)), CredentialError.INVALID_PROOF,
                "more holder keys than batch_size 3");
        assertThat(cNonces.consume(cNonce)).isTrue();
    }

    @Test
    void verifyWhenAttestationProofIsNotAKeyAttestationThenInvalidProof() {
        String notAttestation = provider.keyAttestation(List.of(holderKey), cNonce).header("typ", "openid4vci-proof+jwt").build();
        assertRefused(() -> strict().verify(new KeyProofs.AttestationProof(notAttestation)), CredentialError.INVALID_PROOF,
                "key attestation typ must be key-attestation+jwt");
    }
}
