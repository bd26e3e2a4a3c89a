package io.github.vciconnector.demo;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.jose.Es256;
import io.github.vciconnector.keys.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The development wallet provider's artefacts have the wire shape EUDI wallets send (EUDI-5, EUDI-9). */
class WalletProviderTest {

    static final TestPki.Issued CA = TestPki.ca("Demo Test Wallet Provider CA");

    @Test
    void fromPemWhenCaFilesThenAttestationsCarryLeafIssuedByCa(@TempDir Path dir) throws Exception {
        var provider = WalletProvider.fromPem(TestPki.pem(dir, "ca.pem", CA.certificate()),
                TestPki.pem(dir, "ca.key", CA.keys().getPrivate()), Clock.systemUTC());
        ECKey instanceKey = WalletClient.generateKey();

        SignedJWT attestation = SignedJWT.parse(provider.walletAttestation("client-1", instanceKey).build());

        assertThat(attestation.getHeader().getType().toString()).isEqualTo("oauth-client-attestation+jwt");
        assertThat(attestation.getHeader().getX509CertChain()).hasSize(1);
        var leaf = com.nimbusds.jose.util.X509CertUtils.parse(attestation.getHeader().getX509CertChain().get(0).decode());
        leaf.verify(CA.certificate().getPublicKey(), Es256.PROVIDER);
        assertThat(attestation.getJWTClaimsSet().getSubject()).isEqualTo("client-1");
        assertThat(attestation.getJWTClaimsSet().getIssuer()).isEqualTo(WalletProvider.ISSUER);
        assertThat(attestation.getJWTClaimsSet().getJSONObjectClaim("cnf")).containsEntry("jwk", instanceKey.toPublicJWK().toJSONObject());
    }

    @Test
    void headersWhenDraft07ThenPoPHasIssAudJtiAndIsSignedByInstanceKey() throws Exception {
        var attestations = provider().clientAttestation("client-1", true);

        Map<String, String> headers = attestations.headers("https://issuer.example");
        SignedJWT pop = SignedJWT.parse(headers.get(WalletAttestations.POP_HEADER));

        assertThat(pop.getHeader().getType().toString()).isEqualTo("oauth-client-attestation-pop+jwt");
        assertThat(pop.getJWTClaimsSet().getIssuer()).isEqualTo("client-1");
        assertThat(pop.getJWTClaimsSet().getAudience()).containsExactly("https://issuer.example");
        assertThat(pop.getJWTClaimsSet().getJWTID()).isNotBlank();
        assertThat(pop.verify(Es256.verifier(attestations.instanceKey().toPublicJWK()))).isTrue();
        assertThat(SignedJWT.parse(attestations.headers("https://issuer.example").get(WalletAttestations.POP_HEADER))
                .getJWTClaimsSet().getJWTID()).isNotEqualTo(pop.getJWTClaimsSet().getJWTID());
    }

    @Test
    void proofsWhenThreeHolderKeysThenOneJwtProofWithKeyAttestationAndKidZero() throws Exception {
        List<ECKey> keys = List.of(WalletClient.generateKey(), WalletClient.generateKey(), WalletClient.generateKey());

        Map<String, Object> proofs = provider().keyProofs("client-1").proofs(keys, "nonce-1", "https://issuer.example");

        List<?> jwt = (List<?>) proofs.get("jwt");
        assertThat(jwt).hasSize(1);
        SignedJWT proof = SignedJWT.parse((String) jwt.get(0));
        assertThat(proof.getHeader().getKeyID()).isEqualTo("0");
        assertThat(proof.getHeader().getJWK()).isNull();
        assertThat(proof.verify(Es256.verifier(keys.get(0).toPublicJWK()))).isTrue();
        SignedJWT keyAttestation = SignedJWT.parse((String) proof.getHeader().getCustomParam("key_attestation"));
        assertThat(keyAttestation.getHeader().getType().toString()).isEqualTo("key-attestation+jwt");
        assertThat(keyAttestation.getJWTClaimsSet().getClaim("nonce")).isEqualTo("nonce-1");
        assertThat((List<?>) keyAttestation.getJWTClaimsSet().getClaim("attested_keys"))
                .isEqualTo(keys.stream().map(k -> k.toPublicJWK().toJSONObject()).toList());
    }

    private static WalletProvider provider() {
        return new WalletProvider(CA.certificate(), CA.keys().getPrivate(), Clock.systemUTC());
    }
}
