package io.github.vciconnector.jose;

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
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ES256 on BouncyCastle's lightweight ECDSA, checked against Nimbus' JCA signer and verifier (RFC 7518 §3.4). */
class Es256Test {

    static final ECKey KEY = generate();
    static final JWSHeader HEADER = new JWSHeader(JWSAlgorithm.ES256);

    @Test
    void signWhenP256KeyThenNimbusJcaVerifierAccepts() throws JOSEException {
        JWSObject jws = signed(Es256.signer(KEY));

        assertThat(jws.verify(new ECDSAVerifier(KEY.toECPublicKey()))).isTrue();
        assertThat(jws.getSignature().decode()).hasSize(64);
    }

    @Test
    void verifyWhenSignedByNimbusJcaSignerThenAccepted() throws JOSEException {
        JWSObject jws = signed(new ECDSASigner(KEY));

        assertThat(jws.verify(Es256.verifier(KEY.toPublicJWK()))).isTrue();
        assertThat(jws.verify(Es256.verifier(KEY.toECPublicKey()))).isTrue();
    }

    @Test
    void verifyWhenSignedByAnotherKeyThenRefused() throws JOSEException {
        JWSObject jws = signed(Es256.signer(generate()));

        assertThat(jws.verify(Es256.verifier(KEY.toPublicJWK()))).isFalse();
    }

    @Test
    void verifyWhenSignatureIsBlankOrShortThenRefused() throws JOSEException {
        byte[] input = signed(Es256.signer(KEY)).getSigningInput();

        // CVE-2022-21449: r = s = 0 must never verify
        assertThat(Es256.verifier(KEY.toPublicJWK()).verify(HEADER, input, Base64URL.encode(new byte[64]))).isFalse();
        assertThat(Es256.verifier(KEY.toPublicJWK()).verify(HEADER, input, Base64URL.encode(new byte[63]))).isFalse();
    }

    @Test
    void verifyWhenSignatureHasOneByteTooManyThenRefused() throws JOSEException {
        JWSObject jws = signed(Es256.signer(KEY));
        byte[] longer = Arrays.copyOf(jws.getSignature().decode(), 65);

        assertThat(Es256.verifier(KEY.toPublicJWK()).verify(HEADER, jws.getSigningInput(), Base64URL.encode(longer))).isFalse();
    }

    @Test
    void verifyWhenROrSIsZeroOrNotBelowTheGroupOrderThenRefused() throws JOSEException {
        JWSObject jws = signed(Es256.signer(KEY));
        var valid = Es256Signature.parse(jws.getSignature().decode());
        BigInteger n = Es256.DOMAIN.getN();
        var verifier = Es256.verifier(KEY.toPublicJWK());

        // FIPS 186-4 §6.4: 0 < r, s < n; a value at or above n must not be reduced modulo n and accepted
        BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        for (var forged : new Es256Signature[] {new Es256Signature(BigInteger.ZERO, valid.s()),
                new Es256Signature(valid.r(), BigInteger.ZERO), new Es256Signature(n, valid.s()),
                new Es256Signature(valid.r(), n), new Es256Signature(max, max)}) {
            assertThat(verifier.verify(HEADER, jws.getSigningInput(), Base64URL.encode(forged.toBytes()))).isFalse();
        }
        assertThat(Es256Signature.parse(new Es256Signature(n, valid.s()).toBytes())).isNull();
    }

    @Test
    void verifyWhenHighSIsUsedThenAccepted() throws JOSEException {
        JWSObject jws = signed(Es256.signer(KEY));
        var rs = Es256Signature.parse(jws.getSignature().decode());
        // (r, n - s) is the other valid signature of the same input: low S is not required (RFC 7518 does not ask it)
        var mirrored = new Es256Signature(rs.r(), Es256.DOMAIN.getN().subtract(rs.s()));

        assertThat(Es256.verifier(KEY.toPublicJWK()).verify(HEADER, jws.getSigningInput(), Base64URL.encode(mirrored.toBytes()))).isTrue();
    }

    @Test
    void verifyWhenCriticalParameterIsB64ThenAcceptedAsNimbusDoes() throws JOSEException {
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256).base64URLEncodePayload(true).criticalParams(Set.of("b64")).build();
        var jws = new JWSObject(header, new Payload("{}"));
        jws.sign(Es256.signer(KEY));

        assertThat(jws.verify(Es256.verifier(KEY.toPublicJWK()))).isTrue();
        assertThat(jws.verify(new ECDSAVerifier(KEY.toECPublicKey()))).isTrue();
    }

    @Test
    void verifyWhenHeaderHasUnknownCriticalParameterThenRefused() throws JOSEException {
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256).criticalParams(Set.of("exp")).customParam("exp", 1).build();
        var jws = new JWSObject(header, new Payload("{}"));
        jws.sign(Es256.signer(KEY));

        assertThat(jws.verify(Es256.verifier(KEY.toPublicJWK()))).isFalse();
    }

    @Test
    void verifyWhenAlgorithmIsNotEs256ThenJoseException() throws JOSEException {
        var verifier = Es256.verifier(KEY.toPublicJWK());

        assertThatThrownBy(() -> verifier.verify(new JWSHeader(JWSAlgorithm.ES384), new byte[1], Base64URL.encode(new byte[64])))
                .isInstanceOf(JOSEException.class);
    }

    @Test
    void verifierWhenPointIsNotOnP256ThenJoseException() throws JOSEException {
        ECPublicKey valid = KEY.toECPublicKey();
        ECPublicKey offCurve = new ECPublicKey() {
            public ECPoint getW() {
                return new ECPoint(valid.getW().getAffineX(), valid.getW().getAffineY().add(BigInteger.ONE));
            }

            public ECParameterSpec getParams() {
                return valid.getParams();
            }

            public String getAlgorithm() {
                return "EC";
            }

            public String getFormat() {
                return null;
            }

            public byte[] getEncoded() {
                return null;
            }
        };

        assertThatThrownBy(() -> Es256.verifier(offCurve)).isInstanceOf(JOSEException.class);
    }

    private static JWSObject signed(com.nimbusds.jose.JWSSigner signer) throws JOSEException {
        var jws = new JWSObject(HEADER, new Payload("{\"typ\":\"probe\"}"));
        jws.sign(signer);
        return jws;
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
