package io.github.vciconnector.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

import java.math.BigInteger;
import java.util.Set;

/**
 * ES256 signing on BouncyCastle's lightweight ECDSA with the P-256 domain parameters of {@link Es256}, writing the
 * 64-byte R||S form of RFC 7518 §3.4. The nonce k is derived as RFC 6979 describes, so no random source is shared
 * between request threads and a weak one could not leak the key.
 */
final class Es256Signer implements JWSSigner {

    private final ECPrivateKeyParameters key;
    private final JCAContext jcaContext = new JCAContext();

    Es256Signer(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(Es256.DOMAIN.getN()) >= 0) throw new IllegalArgumentException("not a P-256 private key");
        this.key = new ECPrivateKeyParameters(d, Es256.DOMAIN);
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        Es256.requireEs256(header);
        var signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(Sha256.digest(signingInput));
        return Base64URL.encode(new Es256Signature(rs[0], rs[1]).toBytes());
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
