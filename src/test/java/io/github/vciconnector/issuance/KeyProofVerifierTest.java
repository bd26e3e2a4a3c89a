package io.github.vciconnector.issuance;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.vciconnector.demo.JwtKeyProofs;
import io.github.vciconnector.demo.SignedJwtBuilder;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.issuance.keyattestation.KeyAttestationProperties;
import io.github.vciconnector.issuance.keyattestation.KeyAttestationVerifier;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.keys.X509ChainValidator;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.memory.InMemorySessionStore;
import io.github.vciconnector.support.MutableClock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Key proofs without HTTP (OID4VCI 1.0 App. F; VCI-PRF-1..6, VCI-NONCE-5, EUDI-5): real P-256 keys, real key
 * attestations from a test CA, real c_nonces in the in-memory store, and a clock that stands still.
 */
class KeyProofVerifierTest {

    static final String ISSUER = "https://issuer.example";
    static final TestPki.Issued CA = TestPki.ca("Unit Key Attestation CA");
    static final int BATCH_SIZE = 3;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final InMemorySessionStore store = new InMemorySessionStore(clock, Duration.ofHours(1));
    private final IssuanceProperties properties =
            new IssuanceProperties(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofSeconds(15), BATCH_SIZE, null);
    private final CNonces cNonces = new CNonces(store, ServerSecrets.random(new SecureRandom()), new SecureRandom(), clock, properties);
    private final WalletProvider provider = new WalletProvider(CA.certificate(), CA.keys().getPrivate(), clock);
    private final KeyAttestationVerifier keyAttestations = new KeyAttestationVerifier(
            new X509ChainValidator(List.of(CA.certificate())), clock, new KeyAttestationProperties(List.of(), Duration.ofSeconds(15)));
    private final ECKey holderKey = WalletClient.generateKey();
    private final ECKey secondKey = WalletClient.generateKey();
    private final String cNonce = cNonces.issue();

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

    // --- helpers ---

    private KeyProofVerifier relaxed() {
        return new KeyProofVerifier(cNonces, keyAttestations, false, clock, properties, ISSUER);
    }

    private KeyProofVerifier strict() {
        return new KeyProofVerifier(cNonces, keyAttestations, true, clock, properties, ISSUER);
    }

    /** A valid plain proof for {@code key} and the test's c_nonce, issued now. */
    private SignedJwtBuilder proof(ECKey key) {
        return proof(key, cNonce);
    }

    private SignedJwtBuilder proof(ECKey key, String nonce) {
        return JwtKeyProofs.builder(key, ISSUER, nonce, null, clock.instant());
    }

    /** A proof signed by {@code signer} carrying {@code keyAttestation}, with neither kid nor jwk yet. */
    private SignedJwtBuilder attested(ECKey signer, String keyAttestation) {
        return proof(signer).header("jwk", null).header("key_attestation", keyAttestation);
    }

    private static KeyProofs.JwtProofs jwt(String... proofs) {
        return new KeyProofs.JwtProofs(List.of(proofs));
    }

    private void assertInvalidProof(SignedJwtBuilder proof, String description) {
        assertInvalidProof(relaxed(), proof, description);
    }

    private void assertInvalidProof(KeyProofVerifier verifier, SignedJwtBuilder proof, String description) {
        assertRefused(() -> verifier.verify(jwt(proof.build())), CredentialError.INVALID_PROOF, description);
    }

    /** The exact wire code and description (VCI-PRF-5), which must be a legal error_description (VCI-ERR-3). */
    private static void assertRefused(ThrowingCallable call, CredentialError error, String description) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CredentialRequestException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e).hasMessage(description);
            assertThat(description).matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+");
        });
    }
}
