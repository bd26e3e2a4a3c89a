package io.github.vciconnector.issuance.keyattestation;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.vciconnector.demo.SignedJwtBuilder;
import io.github.vciconnector.demo.WalletClient;
import io.github.vciconnector.demo.WalletProvider;
import io.github.vciconnector.keys.TestChains;
import io.github.vciconnector.keys.TestPki;
import io.github.vciconnector.keys.X509ChainValidator;
import io.github.vciconnector.support.MutableClock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Key attestations without HTTP (OID4VCI 1.0 App. D; VCI-KA-1, VCI-KA-2, VCI-KA-4): signed by a real wallet
 * provider certificate under a test CA, checked at a clock that stands still. Every refusal names its check.
 */
class KeyAttestationVerifierTest {

    static final TestPki.Issued CA = TestPki.ca("Unit Key Attestation Issuer CA");

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final WalletProvider provider = new WalletProvider(CA.certificate(), CA.keys().getPrivate(), clock);
    private final KeyAttestationVerifier verifier = new KeyAttestationVerifier(new X509ChainValidator(List.of(CA.certificate())),
            clock, new KeyAttestationProperties(List.of(), Duration.ofSeconds(15)));
    private final ECKey first = WalletClient.generateKey();
    private final ECKey second = WalletClient.generateKey();

    @Test
    void verifyWhenValidThenPublicAttestedKeysInOrderAndNonce() {
        KeyAttestation attestation = verifier.verify(attestation(second, first).build(), true);

        assertThat(attestation.attestedKeys()).containsExactly(second.toPublicJWK(), first.toPublicJWK());
        assertThat(attestation.attestedKeys()).noneMatch(ECKey::isPrivate);
        assertThat(attestation.nonce()).isEqualTo("c-nonce-1");
    }

    @Test
    void verifyWhenNoNonceThenNullNonceForTheCallerToRefuse() {
        assertThat(verifier.verify(attestation(first).claim("nonce", null).build(), true).nonce()).isNull();
    }

    @Test
    void verifyWhenNonceIsNotAStringThenRefused() {
        assertRefused(attestation(first).claim("nonce", 7), "key attestation nonce must be a string");
    }

    // --- header: typ and alg (VCI-KA-1, VCI-KA-4) ---

    @Test
    void verifyWhenTypIsNotKeyAttestationThenRefused() {
        assertRefused(attestation(first).header("typ", "openid4vci-proof+jwt"), "key attestation typ must be key-attestation+jwt");
        assertRefused(attestation(first).header("typ", null), "key attestation typ must be key-attestation+jwt");
    }

    @Test
    void verifyWhenAlgIsNotES256ThenRefused() {
        assertRefused(attestation(first).header("alg", "ES512"), "key attestation alg must be ES256");
    }

    @Test
    void verifyWhenNotACompactJwsThenRefused() {
        assertRefused(() -> verifier.verify(null, true), "key attestation must be a compact JWT");
        assertRefused(() -> verifier.verify(" ", true), "key attestation must be a compact JWT");
        assertRefused(() -> verifier.verify("e".repeat(32 * 1024 + 1), true), "key attestation must be a compact JWT");
        assertRefused(() -> verifier.verify("not.a.jws", true), "key attestation is not a signed JWT");
    }

    // --- the chain to the configured anchors (VCI-KA-1, HAIP §4.5.1) ---

    @Test
    void verifyWhenNoX5cThenNotFromATrustedIssuer() {
        assertRefused(attestation(first).header("x5c", null), "key attestation is not from a trusted issuer: x5c is missing");
    }

    @Test
    void verifyWhenChainEndsAtAnotherCaThenNotFromATrustedIssuer() {
        var rogue = TestPki.ca("Rogue Key Attestation CA");
        String attestation = new WalletProvider(rogue.certificate(), rogue.keys().getPrivate(), clock)
                .keyAttestation(List.of(first), "c-nonce-1").build();
        assertRefused(() -> verifier.verify(attestation, true),
                "key attestation is not from a trusted issuer: x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    @Test
    void verifyWhenSignedByTheAnchorItselfThenNotFromATrustedIssuer() {
        // HAIP: the leaf is not self-signed; the anchor never signs attestations directly
        var attestation = attestation(first).header("x5c", TestChains.x5c(CA.certificate())).signWith(TestChains.signingKey(CA));
        assertRefused(attestation, "key attestation is not from a trusted issuer: x5c holds only a trust anchor");
    }

    @Test
    void verifyWhenLeafIsACaThenNotFromATrustedIssuer() {
        var caLeaf = TestChains.certificate("CN=Key Attestation Signer").caFlag().issuedBy(CA);
        var attestation = attestation(first).header("x5c", TestChains.x5c(caLeaf.certificate())).signWith(TestChains.signingKey(caLeaf));
        assertRefused(attestation, "key attestation is not from a trusted issuer: x5c leaf certificate must not be a CA");
    }

    @Test
    void verifyWhenSignedByAnotherKeyThanTheX5cLeafThenSignatureInvalid() {
        assertRefused(attestation(first).signWith(WalletClient.generateKey()), "key attestation signature is invalid");
    }

    @Test
    void verifyWhenSigningCertificateHasExpiredAtTheClockThenNotFromATrustedIssuer() {
        // The chain is judged at the verifier's clock, not the JVM's: 31 days on, iat and exp are fresh but the
        // 30-day signing certificate is over
        clock.advance(Duration.ofDays(31));
        assertRefused(attestation(first),
                "key attestation is not from a trusted issuer: x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    // --- iat and exp (VCI-KA-2) ---

    @Test
    void verifyWhenIatMissingThenRefused() {
        assertRefused(attestation(first).claim("iat", null), "key attestation has no iat");
    }

    @Test
    void verifyWhenIatBeyondAllowedClockSkewThenRefused() {
        assertRefused(attestation(first).claim("iat", clock.instant().plusSeconds(16).getEpochSecond()), "key attestation iat is in the future");
    }

    @Test
    void verifyWhenIatWithinAllowedClockSkewThenAccepted() {
        String attestation = attestation(first).claim("iat", clock.instant().plusSeconds(15).getEpochSecond()).build();
        assertThat(verifier.verify(attestation, true).attestedKeys()).hasSize(1);
    }

    @Test
    void verifyWhenExpMissingAndRequiredThenRefused() {
        // VCI-KA-2: the key_attestation header of a jwt proof must carry exp
        assertRefused(attestation(first).claim("exp", null), "key attestation has no exp");
    }

    @Test
    void verifyWhenExpMissingAndNotRequiredThenAccepted() {
        // the attestation proof type (App. F.3) does not require exp
        assertThat(verifier.verify(attestation(first).claim("exp", null).build(), false).attestedKeys())
                .containsExactly(first.toPublicJWK());
    }

    @Test
    void verifyWhenExpIsNowOrEarlierThenExpiredEvenWhenNotRequired() {
        // an exp is never stretched by the clock skew
        String now = attestation(first).claim("exp", clock.instant().getEpochSecond()).build();
        assertRefused(() -> verifier.verify(now, true), "key attestation has expired");
        assertRefused(() -> verifier.verify(now, false), "key attestation has expired");
    }

    // --- attested_keys (VCI-KA-2) ---

    @Test
    void verifyWhenAttestedKeysMissingOrEmptyOrNotAnArrayThenRefused() {
        String description = "key attestation has no attested_keys";
        assertRefused(attestation(first).claim("attested_keys", null), description);
        assertRefused(attestation(first).claim("attested_keys", List.of()), description);
        assertRefused(attestation(first).claim("attested_keys", first.toPublicJWK().toJSONObject()), description);
    }

    @Test
    void verifyWhenAttestedKeyIsNotAJsonObjectThenRefused() {
        assertRefused(attestation(first).claim("attested_keys", List.of("key")), "attested_keys must hold JWK objects");
    }

    @Test
    void verifyWhenAttestedKeyIsMalformedThenRefused() {
        assertRefused(attestation(first).claim("attested_keys", List.of(Map.of("kty", "EC", "crv", "P-256"))),
                "attested_keys holds a malformed JWK");
    }

    @Test
    void verifyWhenAttestedKeyIsPrivateOrNotP256ThenRefused() throws Exception {
        String description = "attested_keys must hold public P-256 keys";
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertRefused(attestation(first).claim("attested_keys", List.of(first.toJSONObject())), description);
        assertRefused(attestation(first).claim("attested_keys", List.of(p384.toPublicJWK().toJSONObject())), description);
        assertRefused(attestation(first).claim("attested_keys", List.of(Map.of("kty", "oct", "k", "c2VjcmV0LWtleS1ieXRlcw"))), description);
    }

    @Test
    void verifyWhenAttestedKeysRepeatAKeyThenRefused() {
        // RFC 7638 thumbprints: the same key with another kid is still the same key
        var twin = new ECKey.Builder(first.toPublicJWK()).keyID("twin").build();
        assertRefused(attestation(first).claim("attested_keys", List.of(first.toPublicJWK().toJSONObject(), twin.toJSONObject())),
                "attested_keys must be distinct");
    }

    @Test
    void verifyWhenMoreThanAHundredAttestedKeysThenRefused() {
        var keys = new ArrayList<Object>();
        Stream.generate(WalletClient::generateKey).limit(101).forEach(key -> keys.add(key.toPublicJWK().toJSONObject()));
        assertRefused(attestation(first).claim("attested_keys", keys), "key attestation has too many attested_keys");
    }

    // --- key_storage and user_authentication levels (VCI-MD-16, App. D.2; issue 13) ---

    @Test
    void verifyWhenKeyStorageBelowTheRequiredLevelThenRefused() {
        assertRefused(attestation(first).claim("key_storage", List.of("iso_18045_moderate")),
                "key attestation key_storage does not meet the required level (accepted: iso_18045_high)");
    }

    @Test
    void verifyWhenUserAuthenticationMissingThenRefused() {
        assertRefused(attestation(first).claim("user_authentication", null),
                "key attestation user_authentication does not meet the required level (accepted: iso_18045_high)");
    }

    @Test
    void verifyWhenLevelIsNotAStringArrayThenRefused() {
        assertRefused(attestation(first).claim("key_storage", "iso_18045_high"), "key attestation key_storage must be an array of strings");
        assertRefused(attestation(first).claim("key_storage", List.of(7)), "key attestation key_storage must be an array of strings");
    }

    @Test
    void verifyWhenOneOfSeveralAcceptedLevelsAssertedThenAccepted() {
        var lenient = new KeyAttestationVerifier(new X509ChainValidator(List.of(CA.certificate())), clock,
                new KeyAttestationProperties(List.of(), Duration.ofSeconds(15), List.of("iso_18045_high", "iso_18045_moderate"), List.of()));

        assertThat(lenient.verify(attestation(first).claim("key_storage", List.of("iso_18045_moderate"))
                .claim("user_authentication", null).build(), true).attestedKeys()).hasSize(1);
    }

    @Test
    void verifyWhenNoLevelsConfiguredThenLevelsNotLookedAt() {
        var unconstrained = new KeyAttestationVerifier(new X509ChainValidator(List.of(CA.certificate())), clock,
                new KeyAttestationProperties(List.of(), Duration.ofSeconds(15), List.of(), List.of()));

        assertThat(unconstrained.verify(attestation(first).claim("key_storage", null).claim("user_authentication", null).build(), true)
                .attestedKeys()).hasSize(1);
    }

    // --- helpers ---

    /** A valid key attestation for {@code keys}, bound to the nonce {@code c-nonce-1}, issued now. */
    private SignedJwtBuilder attestation(ECKey... keys) {
        return provider.keyAttestation(List.of(keys), "c-nonce-1");
    }

    private void assertRefused(SignedJwtBuilder attestation, String description) {
        assertRefused(() -> verifier.verify(attestation.build(), true), description);
    }

    /** The exact check named, in a legal error_description (VCI-ERR-3): the caller answers it as invalid_proof. */
    private static void assertRefused(ThrowingCallable call, String description) {
        assertThatThrownBy(call).isInstanceOf(KeyAttestationException.class).hasMessage(description);
        assertThat(description).matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    }
}
