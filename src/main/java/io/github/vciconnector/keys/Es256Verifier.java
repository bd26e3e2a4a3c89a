package io.github.vciconnector.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.AlgorithmSupportMessage;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Set;

/**
 * ES256 verification on BouncyCastle's lightweight ECDSA with the P-256 domain parameters of {@link Es256}, with the
 * checks of Nimbus' {@code ECDSAVerifier}: only ES256, no unknown {@code crit} parameter, and a legal 64-byte R||S
 * signature (neither blank nor out of range, CVE-2022-21449). The point was checked to be on the curve by {@link Es256}.
 */
final class Es256Verifier implements JWSVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256);

    private final ECPublicKeyParameters key;
    private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();
    private final JCAContext jcaContext = new JCAContext();

    Es256Verifier(ECPoint publicPoint) {
        this.key = new ECPublicKeyParameters(publicPoint, Es256.DOMAIN);
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new JOSEException(AlgorithmSupportMessage.unsupportedJWSAlgorithm(header.getAlgorithm(), ALGORITHMS));
        }
        if (!critPolicy.headerPasses(header)) return false;
        byte[] rs = signature.decode();
        try {
            ECDSA.ensureLegalSignature(rs, JWSAlgorithm.ES256);
        } catch (JOSEException e) {
            return false;
        }
        var verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(Es256.sha256(signingInput), new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)));
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return ALGORITHMS;
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
