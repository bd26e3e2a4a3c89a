package io.github.vciconnector.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;
import java.security.interfaces.ECPublicKey;

/**
 * ES256 signers and verifiers backed by the BouncyCastle JCA provider: on JDK 17 it signs about 7x and verifies
 * about 13x faster than the default provider (DESIGN §7). Every ECDSA operation in the connector goes through here.
 */
public final class Es256 {

    /** One provider instance for the whole process; it is thread-safe and expensive to create. */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private Es256() {
    }

    public static JWSSigner signer(ECKey privateKey) {
        try {
            var signer = new ECDSASigner(privateKey);
            signer.getJCAContext().setProvider(PROVIDER);
            return signer;
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable EC private key", e);
        }
    }

    /** A verifier for a public key; throws {@link JOSEException} when the key is not on a supported curve. */
    public static JWSVerifier verifier(ECPublicKey publicKey) throws JOSEException {
        var verifier = new ECDSAVerifier(publicKey);
        verifier.getJCAContext().setProvider(PROVIDER);
        return verifier;
    }

    public static JWSVerifier verifier(ECKey publicKey) throws JOSEException {
        return verifier(publicKey.toECPublicKey());
    }
}
