package io.github.vciconnector.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Set;

/**
 * ES256 signers and verifiers on BouncyCastle (DESIGN §7); every ECDSA operation in the connector goes through here.
 * P-256 keys use BouncyCastle's ECDSA directly on one set of curve parameters, whose generator keeps its precomputed
 * multiples: through the JCA every call converted the key and precomputed them again, which made a signature cost
 * about three times as much (docs/performance.md). Other keys take Nimbus' JCA path on the BouncyCastle provider.
 * Only public APIs: BouncyCastle's lightweight {@code ECDSASigner}, Nimbus' {@code JWSSigner}/{@code JWSVerifier}
 * interfaces, and the R||S encoding of RFC 7518 §3.4 written out in {@link Es256Signature}.
 */
public final class Es256 {

    /** One provider instance for the whole process; it is thread-safe and expensive to create. */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    /** P-256 (secp256r1), the one instance whose generator caches its precomputation. */
    static final ECDomainParameters DOMAIN = domain();

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256);

    private Es256() {
    }

    /** A signer for a private P-256 key; a key that does not expose its scalar (e.g. held by a token) signs through the JCA. */
    public static JWSSigner signer(ECKey privateKey) {
        try {
            if (Curve.P_256.equals(privateKey.getCurve())) {
                BigInteger d = scalar(privateKey);
                if (d != null) return new Es256Signer(d);
            }
            var signer = new ECDSASigner(privateKey);
            signer.getJCAContext().setProvider(PROVIDER);
            return signer;
        } catch (JOSEException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a usable EC private key", e);
        }
    }

    /** A verifier for a public key; throws {@link JOSEException} when the key is not on a supported curve. */
    public static JWSVerifier verifier(ECPublicKey publicKey) throws JOSEException {
        if (Curve.P_256.equals(Curve.forECParameterSpec(publicKey.getParams()))) {
            if (publicKey instanceof org.bouncycastle.jce.interfaces.ECPublicKey bc && bc.getQ().getCurve() == DOMAIN.getCurve()) {
                // A key kept by its owner (a cached certificate's) keeps its point, and so the point's precomputation.
                return new Es256Verifier(bc.getQ());
            }
            return new Es256Verifier(point(publicKey.getW().getAffineX(), publicKey.getW().getAffineY()));
        }
        var verifier = new ECDSAVerifier(publicKey);
        verifier.getJCAContext().setProvider(PROVIDER);
        return verifier;
    }

    public static JWSVerifier verifier(ECKey publicKey) throws JOSEException {
        if (Curve.P_256.equals(publicKey.getCurve())) {
            return new Es256Verifier(point(publicKey.getX().decodeToBigInteger(), publicKey.getY().decodeToBigInteger()));
        }
        return verifier(publicKey.toECPublicKey());
    }

    /** The fast signer and verifier do ES256 only, as Nimbus' own refuse any other algorithm. */
    static void requireEs256(JWSHeader header) throws JOSEException {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new JOSEException("Unsupported JWS algorithm " + header.getAlgorithm() + ", must be ES256");
        }
    }

    /** The public point, refused unless it lies on P-256 (invalid-curve attacks). */
    private static ECPoint point(BigInteger x, BigInteger y) throws JOSEException {
        try {
            return DOMAIN.getCurve().validatePoint(x, y);
        } catch (IllegalArgumentException e) {
            throw new JOSEException("EC public key is not a point on P-256", e);
        }
    }

    private static BigInteger scalar(ECKey key) throws JOSEException {
        if (key.getD() != null) return key.getD().decodeToBigInteger();
        PrivateKey privateKey = key.toPrivateKey();
        return privateKey instanceof ECPrivateKey ec ? ec.getS() : null;
    }

    private static ECDomainParameters domain() {
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        return new ECDomainParameters(p256.getCurve(), p256.getG(), p256.getN(), p256.getH(), p256.getSeed());
    }
}
