package io.github.vciconnector.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

import java.util.Set;

/**
 * ES256 verification on BouncyCastle's lightweight ECDSA with the P-256 domain parameters of {@link Es256}, with the
 * checks of Nimbus' {@code ECDSAVerifier}: only ES256, no {@code crit} parameter other than {@code b64}
 * (RFC 7515 §4.1.11; Nimbus' {@code JWSObject} builds the signing input of RFC 7797 itself, so {@code b64} is
 * understood), and a legal 64-byte R||S signature ({@link Es256Signature}). The point was checked to be on the
 * curve by {@link Es256}.
 */
final class Es256Verifier implements JWSVerifier {

    private static final Set<String> UNDERSTOOD_CRITICAL_PARAMETERS = Set.of("b64");

    private final ECPublicKeyParameters key;
    private final JCAContext jcaContext = new JCAContext();

    Es256Verifier(ECPoint publicPoint) {
        this.key = new ECPublicKeyParameters(publicPoint, Es256.DOMAIN);
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        Es256.requireEs256(header);
        if (header.getCriticalParams() != null && !UNDERSTOOD_CRITICAL_PARAMETERS.containsAll(header.getCriticalParams())) {
            return false;
        }
        Es256Signature rs = Es256Signature.parse(signature.decode());
        if (rs == null) return false;
        var verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(Sha256.digest(signingInput), rs.r(), rs.s());
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Es256.ALGORITHMS;
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
