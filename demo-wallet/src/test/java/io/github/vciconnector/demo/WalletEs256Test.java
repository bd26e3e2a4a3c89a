package io.github.vciconnector.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wallet's own ES256, checked against Nimbus' JCA signer and verifier (RFC 7518 §3.4), not the connector's. */
class WalletEs256Test {

    static final ECKey KEY = generate(Curve.P_256);
    static final byte[] INPUT = "eyJhbGciOiJFUzI1NiJ9.eyJpYXQiOjF9".getBytes(StandardCharsets.US_ASCII);

    @Test
    void signWhenP256KeyThenNimbusJcaVerifierAccepts() throws JOSEException {
        byte[] signature = WalletEs256.sign(KEY, INPUT);

        assertThat(signature).hasSize(64);
        assertThat(new ECDSAVerifier(KEY.toECPublicKey()).verify(new JWSHeader(JWSAlgorithm.ES256), INPUT, Base64URL.encode(signature))).isTrue();
    }

    @Test
    void signWhenKeyIsJcaPrivateKeyWithoutDThenSameKeySigns() throws JOSEException {
        var jcaOnly = new ECKey.Builder(Curve.P_256, KEY.toECPublicKey()).privateKey(KEY.toECPrivateKey()).build();

        assertThat(WalletEs256.verify(KEY.toECPublicKey(), INPUT, WalletEs256.sign(jcaOnly, INPUT))).isTrue();
    }

    @Test
    void signWhenNotP256ThenJoseException() {
        assertThatThrownBy(() -> WalletEs256.sign(generate(Curve.P_384), INPUT)).isInstanceOf(JOSEException.class);
    }

    @Test
    void verifyWhenSignedByNimbusJcaSignerThenAcceptedAndOtherwiseRefused() throws JOSEException {
        var jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("{}"));
        jws.sign(new ECDSASigner(KEY));
        byte[] signature = jws.getSignature().decode();

        assertThat(WalletEs256.verify(KEY.toECPublicKey(), jws.getSigningInput(), signature)).isTrue();
        assertThat(WalletEs256.verify(generate(Curve.P_256).toECPublicKey(), jws.getSigningInput(), signature)).isFalse();
        assertThat(WalletEs256.verify(KEY.toECPublicKey(), INPUT, signature)).isFalse();
    }

    @Test
    void verifyWhenSignatureIsBlankShortOrOutOfRangeThenRefused() throws JOSEException {
        byte[] valid = WalletEs256.sign(KEY, INPUT);
        byte[] rIsOrder = valid.clone();
        byte[] n = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16).toByteArray();
        System.arraycopy(n, n.length - 32, rIsOrder, 0, 32);

        // CVE-2022-21449: r = s = 0 must never verify
        assertThat(WalletEs256.verify(KEY.toECPublicKey(), INPUT, new byte[64])).isFalse();
        assertThat(WalletEs256.verify(KEY.toECPublicKey(), INPUT, Arrays.copyOf(valid, 63))).isFalse();
        assertThat(WalletEs256.verify(KEY.toECPublicKey(), INPUT, Arrays.copyOf(valid, 65))).isFalse();
        assertThat(WalletEs256.verify(KEY.toECPublicKey(), INPUT, rIsOrder)).isFalse();
    }

    private static ECKey generate(Curve curve) {
        try {
            return new ECKeyGenerator(curve).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
