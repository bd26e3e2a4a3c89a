package io.github.vciconnector.issuance;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.vciconnector.demo.WalletClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain {@code jwt} key proofs and batches of them without HTTP (OID4VCI 1.0 App. F.1; VCI-PRF-1..3, VCI-PRF-5,
 * VCI-NONCE-5): the header, the claims, the iat window, the c_nonce, distinct keys, and the c_nonce consumed last.
 */
class KeyProofVerifierTest extends KeyProofVerifierFixture {

    // --- plain jwt proofs (development wallets only) ---

    @Test
    void verifyWhenPlainProofAndKeyAttestationRelaxedThenHeaderJwkReturnedAndCNonceConsumed() {
        List<ECKey> keys = relaxed().verify(jwt(proof(holderKey).build()));

        assertThat(keys).containsExactly(holderKey.toPublicJWK());
        assertThat(keys.get(0).isPrivate()).isFalse();
        assertThat(cNonces.consume(cNonce)).as("VCI-NONCE-5: the c_nonce was used up").isFalse();
    }

    @Test
    void verifyWhenPlainProofAndKeyAttestationRequiredThenInvalidProofAndCNonceKept() {
        assertRefused(() -> strict().verify(jwt(proof(holderKey).build())), CredentialError.INVALID_PROOF,
                "key attestation required: send key_attestation or the attestation proof type");
        assertThat(cNonces.consume(cNonce)).as("a refused request does not burn the c_nonce").isTrue();
    }

    @Test
    void verifyWhenTypIsNotTheProofTypeThenInvalidProof() {
        assertInvalidProof(proof(holderKey).header("typ", "JWT"), "proof typ must be openid4vci-proof+jwt");
        assertInvalidProof(proof(holderKey).header("typ", null), "proof typ must be openid4vci-proof+jwt");
    }

    @Test
    void verifyWhenAlgIsNotES256ThenInvalidProof() {
        // VCI-KA-4: ES256 only, whatever key the header names
        assertInvalidProof(proof(holderKey).header("alg", "ES384"), "proof alg must be ES256");
    }

    @Test
    void verifyWhenNotACompactJwsThenInvalidProof() {
        assertRefused(() -> relaxed().verify(jwt("not-a-jwt")), CredentialError.INVALID_PROOF, "proof is not a signed JWT");
        assertRefused(() -> relaxed().verify(jwt("a".repeat(48 * 1024 + 1))), CredentialError.INVALID_PROOF, "proof must be a compact JWT");
    }

    @Test
    void verifyWhenHeaderNamesKidOrX5cBesideJwkThenInvalidProof() {
        // VCI-PRF-1: without key attestation only jwk identifies the holder key
        assertInvalidProof(proof(holderKey).header("kid", "0"), "proof must identify its key by jwk only");
    }

    @Test
    void verifyWhenHeaderJwkIsPrivateThenInvalidProof() {
        // Nimbus already refuses a private jwk header while parsing, before our own public-key check
        assertInvalidProof(proof(holderKey).header("jwk", holderKey.toJSONObject()), "proof is not a signed JWT");
    }

    @Test
    void verifyWhenHeaderJwkIsNotP256ThenInvalidProof() throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertInvalidProof(proof(holderKey).header("jwk", p384.toPublicJWK().toJSONObject()), "proof jwk must be a public P-256 key");
    }

    @Test
    void verifyWhenSignedByAnotherKeyThanTheHeaderJwkThenInvalidProof() {
        assertInvalidProof(proof(holderKey).signWith(secondKey), "proof signature is invalid");
    }

    @Test
    void verifyWhenAudIsNotTheCredentialIssuerThenInvalidProof() {
        assertInvalidProof(proof(holderKey).claim("aud", "https://elsewhere.example"), "proof aud must be the credential issuer");
        assertInvalidProof(proof(holderKey).claim("aud", List.of(ISSUER, "https://elsewhere.example")),
                "proof aud must be the credential issuer");
        assertInvalidProof(proof(holderKey).claim("aud", null), "proof aud must be the credential issuer");
    }

    @Test
    void verifyWhenAudIsASingleElementArrayOfTheIssuerThenAccepted() {
        assertThat(relaxed().verify(jwt(proof(holderKey).claim("aud", List.of(ISSUER)).build()))).hasSize(1);
    }

    @Test
    void verifyWhenIatMissingThenInvalidProof() {
        assertInvalidProof(proof(holderKey).claim("iat", null), "proof has no iat");
    }

    @Test
    void verifyWhenIatOlderThanProofMaxAgeThenInvalidProof() {
        long old = clock.instant().minus(Duration.ofMinutes(5)).minusSeconds(1).getEpochSecond();
        assertInvalidProof(proof(holderKey).claim("iat", old), "proof iat is outside the accepted window");
    }

    @Test
    void verifyWhenIatBeyondAllowedClockSkewThenInvalidProof() {
        long future = clock.instant().plusSeconds(16).getEpochSecond();
        assertInvalidProof(proof(holderKey).claim("iat", future), "proof iat is outside the accepted window");
    }

    @Test
    void verifyWhenIatAtTheEdgesOfTheWindowThenAccepted() {
        long ahead = clock.instant().plusSeconds(15).getEpochSecond();
        assertThat(relaxed().verify(jwt(proof(holderKey).claim("iat", ahead).build()))).hasSize(1);

        String next = cNonces.issue();
        long oldest = clock.instant().minus(Duration.ofMinutes(5)).getEpochSecond();
        assertThat(relaxed().verify(jwt(proof(holderKey, next).claim("iat", oldest).build()))).hasSize(1);
    }

    @Test
    void verifyWhenNonceMissingOrNotAStringThenInvalidProof() {
        assertInvalidProof(proof(holderKey).claim("nonce", null), "proof has no nonce");
        assertInvalidProof(proof(holderKey).claim("nonce", 42), "proof has no nonce");
    }

    @Test
    void verifyWhenNonceUnknownThenInvalidNonce() {
        // VCI-NONCE-5, VCI-PRF-5: a nonce this issuer never made is invalid_nonce, so the wallet fetches a fresh one
        assertRefused(() -> relaxed().verify(jwt(proof(holderKey, "bm90LWEtYy1ub25jZQ").build())),
                CredentialError.INVALID_NONCE, "c_nonce is invalid, expired or used");
    }

    @Test
    void verifyWhenNonceAlreadyUsedThenInvalidNonce() {
        var verifier = relaxed();
        verifier.verify(jwt(proof(holderKey).build()));

        assertRefused(() -> verifier.verify(jwt(proof(secondKey).build())), CredentialError.INVALID_NONCE,
                "c_nonce is invalid, expired or used");
    }

    @Test
    void verifyWhenNonceExpiredThenInvalidNonce() {
        clock.advance(Duration.ofMinutes(5));
        assertRefused(() -> relaxed().verify(jwt(proof(holderKey).build())), CredentialError.INVALID_NONCE,
                "c_nonce is invalid, expired or used");
    }

    // --- batches of jwt proofs ---

    @Test
    void verifyWhenBatchOfDistinctKeysThenOneKeyPerProofInRequestOrder() {
        List<ECKey> keys = relaxed().verify(jwt(proof(secondKey).build(), proof(holderKey).build()));

        assertThat(keys).containsExactly(secondKey.toPublicJWK(), holderKey.toPublicJWK());
    }

    @Test
    void verifyWhenTwoProofsUseTheSameKeyThenInvalidProof() {
        // The same key with other JWK members (kid) is still the same key: RFC 7638 thumbprints, not strings
        String twin = proof(holderKey).header("jwk", new ECKey.Builder(holderKey.toPublicJWK()).keyID("other").build().toJSONObject()).build();
        assertRefused(() -> relaxed().verify(jwt(proof(holderKey).build(), twin)), CredentialError.INVALID_PROOF,
                "each proof must use a distinct key");
    }

    @Test
    void verifyWhenProofsUseDifferentNoncesThenInvalidProofAndNeitherNonceBurnt() {
        String other = cNonces.issue();
        assertRefused(() -> relaxed().verify(jwt(proof(holderKey).build(), proof(secondKey, other).build())),
                CredentialError.INVALID_PROOF, "all proofs must use the same nonce");
        assertThat(cNonces.consume(cNonce)).isTrue();
        assertThat(cNonces.consume(other)).isTrue();
    }

    @Test
    void verifyWhenLastProofOfBatchIsBadThenInvalidProofAndCNonceKept() {
        // VCI-NONCE-5: the c_nonce is consumed once, last, after every proof passed
        String bad = proof(secondKey).claim("aud", "https://elsewhere.example").build();
        assertRefused(() -> relaxed().verify(jwt(proof(holderKey).build(), bad)), CredentialError.INVALID_PROOF,
                "proof aud must be the credential issuer");
        assertThat(cNonces.consume(cNonce)).isTrue();
    }

    @Test
    void verifyWhenMoreProofsThanBatchSizeThenInvalidProof() {
        var proofs = Stream.generate(WalletClient::generateKey).limit(BATCH_SIZE + 1)
                .map(key -> proof(key).build()).toArray(String[]::new);
        assertRefused(() -> relaxed().verify(jwt(proofs)), CredentialError.INVALID_PROOF, "more proofs than batch_size 3");
        assertThat(cNonces.consume(cNonce)).isTrue();
    }
}
