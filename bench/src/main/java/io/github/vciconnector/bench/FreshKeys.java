package io.github.vciconnector.bench;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.security.SecureRandom;

/**
 * P-256 key pairs made before a timed phase, two per flow (the DPoP key and the holder key), so that every flow of
 * the realistic mode presents keys the connector has never seen, and the wallet's key generation is neither in the
 * server's CPU (a separate process anyway) nor competing with it for the shared cores while the phase is timed.
 * BouncyCastle's lightweight generator on the fixed-point comb of P-256's generator: a key costs tens of
 * microseconds, so 36,000 keys take a few seconds.
 */
final class FreshKeys {

    private static final ECDomainParameters P256 = p256();
    private static final int HALF = 32;

    private final ECKey[] keys;
    private final int offset;

    private FreshKeys(ECKey[] keys, int offset) {
        this.keys = keys;
        this.offset = offset;
    }

    /** Keys for {@code flows} flows: {@link #dpop} and {@link #holder} of each ticket are distinct and new. */
    static FreshKeys forFlows(int flows) {
        return new FreshKeys(generate(2 * flows), 0);
    }

    /** The same keys with ticket 0 meaning this set's ticket {@code flows}: a phase that follows one of {@code flows}. */
    FreshKeys after(int flows) {
        return new FreshKeys(keys, offset + flows);
    }

    /** How many flows still have keys. */
    int flows() {
        return keys.length / 2 - offset;
    }

    ECKey dpop(int ticket) {
        return keys[2 * (offset + ticket)];
    }

    ECKey holder(int ticket) {
        return keys[2 * (offset + ticket) + 1];
    }

    static ECKey[] generate(int count) {
        var generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(P256, new SecureRandom()));
        var keys = new ECKey[count];
        for (int i = 0; i < count; i++) keys[i] = toJwk(generator.generateKeyPair());
        return keys;
    }

    private static ECKey toJwk(AsymmetricCipherKeyPair pair) {
        ECPoint q = ((ECPublicKeyParameters) pair.getPublic()).getQ().normalize();
        var d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
        return new ECKey.Builder(Curve.P_256, coordinate(q.getAffineXCoord().toBigInteger()),
                coordinate(q.getAffineYCoord().toBigInteger())).d(coordinate(d)).build();
    }

    private static Base64URL coordinate(java.math.BigInteger value) {
        return Base64URL.encode(BigIntegers.asUnsignedByteArray(HALF, value));
    }

    private static ECDomainParameters p256() {
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        return new ECDomainParameters(p256.getCurve(), p256.getG(), p256.getN(), p256.getH(), p256.getSeed());
    }
}
