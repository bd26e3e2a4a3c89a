package io.github.vciconnector.demo;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.jose.Es256;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JwtKeyProofsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final ECKey FIRST = WalletClient.generateKey();
    private static final ECKey SECOND = WalletClient.generateKey();

    @Test
    void proofsWhenTwoHolderKeysThenOneSignedProofPerKeyInOrder() throws Exception {
        Map<String, Object> proofs = new JwtKeyProofs("demo-wallet", Clock.fixed(NOW, ZoneOffset.UTC))
                .proofs(List.of(FIRST, SECOND), "c-nonce-1", "https://issuer.example.com");

        assertThat(proofs).containsOnlyKeys("jwt");
        List<?> jwts = (List<?>) proofs.get("jwt");
        assertThat(jwts).hasSize(2);
        assertProof((String) jwts.get(0), FIRST);
        assertProof((String) jwts.get(1), SECOND);
    }

    @Test
    void proofsWhenNoClientIdAndNoNonceThenIssAndNonceOmitted() throws Exception {
        Map<String, Object> proofs = new JwtKeyProofs(null, Clock.systemUTC())
                .proofs(List.of(FIRST), null, "https://issuer.example.com");

        JWTClaimsSet claims = SignedJWT.parse((String) ((List<?>) proofs.get("jwt")).get(0)).getJWTClaimsSet();
        assertThat(claims.getClaims()).containsOnlyKeys("aud", "iat");
    }

    private static void assertProof(String jwt, ECKey holder) throws Exception {
        SignedJWT proof = SignedJWT.parse(jwt);
        JWTClaimsSet claims = proof.getJWTClaimsSet();
        // VCI-PRF-1/2: typ, ES256, public jwk of the holder key; aud, iat, nonce, iss
        assertThat(proof.getHeader().getType()).isEqualTo(new JOSEObjectType("openid4vci-proof+jwt"));
        assertThat(proof.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(proof.getHeader().getJWK().isPrivate()).isFalse();
        assertThat(proof.getHeader().getJWK().computeThumbprint()).isEqualTo(holder.computeThumbprint());
        assertThat(proof.getHeader().getKeyID()).isNull();
        assertThat(proof.verify(Es256.verifier(holder.toPublicJWK()))).isTrue();
        assertThat(claims.getAudience()).containsExactly("https://issuer.example.com");
        assertThat(proof.getPayload().toJSONObject().get("aud")).isEqualTo("https://issuer.example.com");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getStringClaim("nonce")).isEqualTo("c-nonce-1");
        assertThat(claims.getIssuer()).isEqualTo("demo-wallet");
    }
}
