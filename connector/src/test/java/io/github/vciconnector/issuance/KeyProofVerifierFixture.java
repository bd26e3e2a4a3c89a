package io.github.vciconnector.issuance;

import com.nimbusds.jose.jwk.ECKey;
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

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the key proof tests share: real P-256 holder keys, key attestations from a wallet provider under a test CA,
 * real c_nonces in the in-memory store, and a clock that stands still; fresh for each test.
 */
abstract class KeyProofVerifierFixture {

    static final String ISSUER = "https://issuer.example";
    static final TestPki.Issued CA = TestPki.ca("Unit Key Attestation CA");
    static final int BATCH_SIZE = 3;

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final InMemorySessionStore store = new InMemorySessionStore(clock, Duration.ofHours(1));
    final IssuanceProperties properties =
            new IssuanceProperties(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofSeconds(15), BATCH_SIZE, null);
    final CNonces cNonces = new CNonces(store, ServerSecrets.random(new SecureRandom()), new SecureRandom(), clock, properties);
    final WalletProvider provider = new WalletProvider(CA.certificate(), CA.keys().getPrivate(), clock);
    final KeyAttestationVerifier keyAttestations = new KeyAttestationVerifier(
            new X509ChainValidator(List.of(CA.certificate())), clock, new KeyAttestationProperties(List.of(), Duration.ofSeconds(15)));
    final ECKey holderKey = WalletClient.generateKey();
    final ECKey secondKey = WalletClient.generateKey();
    final String cNonce = cNonces.issue();

    KeyProofVerifier relaxed() {
        return new KeyProofVerifier(cNonces, keyAttestations, false, clock, properties, ISSUER);
    }

    KeyProofVerifier strict() {
        return new KeyProofVerifier(cNonces, keyAttestations, true, clock, properties, ISSUER);
    }

    /** A valid plain proof for {@code key} and the test's c_nonce, issued now. */
    SignedJwtBuilder proof(ECKey key) {
        return proof(key, cNonce);
    }

    SignedJwtBuilder proof(ECKey key, String nonce) {
        return JwtKeyProofs.builder(key, ISSUER, nonce, null, clock.instant());
    }

    /** A proof signed by {@code signer} carrying {@code keyAttestation}, with neither kid nor jwk yet. */
    SignedJwtBuilder attested(ECKey signer, String keyAttestation) {
        return proof(signer).header("jwk", null).header("key_attestation", keyAttestation);
    }

    static KeyProofs.JwtProofs jwt(String... proofs) {
        return new KeyProofs.JwtProofs(List.of(proofs));
    }

    void assertInvalidProof(SignedJwtBuilder proof, String description) {
        assertInvalidProof(relaxed(), proof, description);
    }

    void assertInvalidProof(KeyProofVerifier verifier, SignedJwtBuilder proof, String description) {
        assertRefused(() -> verifier.verify(jwt(proof.build())), CredentialError.INVALID_PROOF, description);
    }

    /** The exact wire code and description (VCI-PRF-5), which must be a legal error_description (VCI-ERR-3). */
    static void assertRefused(ThrowingCallable call, CredentialError error, String description) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CredentialRequestException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e).hasMessage(description);
            assertThat(description).matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+");
        });
    }
}
