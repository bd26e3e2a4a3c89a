package io.github.vciconnector.demo;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.jose.Es256;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DPoPProofsTest {

    private static final ECKey KEY = WalletClient.generateKey();
    private static final URI CREDENTIAL = URI.create("https://issuer.example.com/oidc4vci/credential?x=1#frag");

    @Test
    void buildWhenAccessTokenAndNonceThenProofCarriesAllRfc9449Members() throws Exception {
        SignedJWT proof = SignedJWT.parse(DPoPProofs.buildDPoPProof("POST", CREDENTIAL, KEY, "at-123", "n-1"));
        JWTClaimsSet claims = proof.getJWTClaimsSet();

        // DPOP-2: typ, alg, jwk public only; htu without query and fragment; ath = b64url(sha256(token))
        assertThat(proof.getHeader().getType()).isEqualTo(new JOSEObjectType("dpop+jwt"));
        assertThat(proof.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(proof.getHeader().getJWK().isPrivate()).isFalse();
        assertThat(proof.getHeader().getJWK().computeThumbprint()).isEqualTo(KEY.computeThumbprint());
        assertThat(proof.verify(Es256.verifier(proof.getHeader().getJWK().toECKey()))).isTrue();
        assertThat(claims.getStringClaim("htm")).isEqualTo("POST");
        assertThat(claims.getStringClaim("htu")).isEqualTo("https://issuer.example.com/oidc4vci/credential");
        assertThat(claims.getStringClaim("ath")).isEqualTo(Base64URL.encode(
                MessageDigest.getInstance("SHA-256").digest("at-123".getBytes(StandardCharsets.US_ASCII))).toString());
        assertThat(claims.getStringClaim("nonce")).isEqualTo("n-1");
        assertThat(claims.getJWTID()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(claims.getIssueTime()).isCloseTo(Date.from(Instant.now()), 5_000);
    }

    @Test
    void buildWhenNoAccessTokenNorNonceThenAthAndNonceAbsent() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(DPoPProofs.buildDPoPProof("POST", CREDENTIAL, KEY, null, null))
                .getJWTClaimsSet();

        assertThat(claims.getClaims()).containsOnlyKeys("jti", "htm", "htu", "iat");
    }

    @Test
    void buildWhenCalledTwiceThenJtiDiffers() throws Exception {
        String first = SignedJWT.parse(DPoPProofs.buildDPoPProof("POST", CREDENTIAL, KEY, null, null))
                .getJWTClaimsSet().getJWTID();
        String second = SignedJWT.parse(DPoPProofs.buildDPoPProof("POST", CREDENTIAL, KEY, null, null))
                .getJWTClaimsSet().getJWTID();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void builderWhenForgingPrivateJwkAndOtherSignerThenWrittenAsGiven() throws Exception {
        ECKey other = WalletClient.generateKey();
        String forged = DPoPProofs.builder("GET", CREDENTIAL, KEY, Instant.EPOCH)
                .header("jwk", KEY.toJSONObject())
                .claim("htu", "https://evil.example/credential")
                .signWith(other)
                .build();

        // Nimbus itself refuses to parse a private jwk header, so the parts are decoded by hand
        String[] parts = forged.split("\\.");
        Map<String, Object> header = JSONObjectUtils.parse(new Base64URL(parts[0]).decodeToString());
        Map<String, Object> claims = JSONObjectUtils.parse(new Base64URL(parts[1]).decodeToString());
        assertThat(header.get("jwk")).asInstanceOf(InstanceOfAssertFactories.MAP).containsKey("d");
        assertThat(claims).containsEntry("htu", "https://evil.example/credential").containsEntry("iat", 0L)
                .containsEntry("htm", "GET");
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        JWSHeader es256 = new JWSHeader(JWSAlgorithm.ES256);
        assertThat(Es256.verifier(KEY.toPublicJWK()).verify(es256, signingInput, new Base64URL(parts[2]))).isFalse();
        assertThat(Es256.verifier(other.toPublicJWK()).verify(es256, signingInput, new Base64URL(parts[2]))).isTrue();
    }
}
