package io.github.vciconnector.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * The wallet's own ES256 (RFC 7518 §3.4), on BouncyCastle's lightweight ECDSA with one set of P-256 parameters whose
 * generator keeps its precomputed multiples, so the benchmark's load generator signs as fast as the connector does.
 * It shares no code with the connector: the wallet checks the connector, never itself. Nonces are RFC 6979.
 */
final class WalletEs256 {

    /** The wallet's BouncyCastle provider, for certificates and PEM keys. */
    static final Provider PROVIDER = new BouncyCastleProvider();

    private static final ECDomainParameters P256 = p256();
    private static final int HALF = 32;

    private WalletEs256() {
    }

    /** The 64-byte R||S signature of {@code signingInput} with a private P-256 key. */
    static byte[] sign(ECKey privateKey, byte[] signingInput) throws JOSEException {
        if (!Curve.P_256.equals(privateKey.getCurve())) throw new JOSEException("the demo wallet signs with P-256 keys only");
        var signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(scalar(privateKey), P256));
        BigInteger[] rs = signer.generateSignature(sha256(signingInput));
        byte[] signature = new byte[2 * HALF];
        BigIntegers.asUnsignedByteArray(rs[0], signature, 0, HALF);
        BigIntegers.asUnsignedByteArray(rs[1], signature, HALF, HALF);
        return signature;
    }

    /** True when {@code signature} is a legal R||S ES256 signature of {@code signingInput} by {@code publicKey}. */
    static boolean verify(ECPublicKey publicKey, byte[] signingInput, byte[] signature) {
        if (signature.length != 2 * HALF) return false;
        var r = new BigInteger(1, Arrays.copyOfRange(signature, 0, HALF));
        var s = new BigInteger(1, Arrays.copyOfRange(signature, HALF, 2 * HALF));
        if (!inRange(r) || !inRange(s)) return false;
        var verifier = new ECDSASigner();
        try {
            // validatePoint refuses a point that is not on P-256 (invalid-curve attacks)
            verifier.init(false, new ECPublicKeyParameters(
                    P256.getCurve().validatePoint(publicKey.getW().getAffineX(), publicKey.getW().getAffineY()), P256));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verifier.verifySignature(sha256(signingInput), r, s);
    }

    private static boolean inRange(BigInteger value) {
        return value.signum() > 0 && value.compareTo(P256.getN()) < 0;
    }

    private static BigInteger scalar(ECKey key) throws JOSEException {
        if (key.getD() != null) return key.getD().decodeToBigInteger();
        PrivateKey privateKey = key.toPrivateKey();
        if (privateKey instanceof ECPrivateKey ec) return ec.getS();
        throw new JOSEException("the signing key does not expose its private scalar");
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static ECDomainParameters p256() {
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        return new ECDomainParameters(p256.getCurve(), p256.getG(), p256.getN(), p256.getH(), p256.getSeed());
    }
}
