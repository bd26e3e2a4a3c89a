package io.github.vciconnector.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private EC P-256 key able to sign, with a kid and its certificate chain (leaf first, trust anchor removed),
 * checked once at load time. {@link #jwk()} carries the same chain as {@code x5c}.
 */
public record SigningKey(ECKey jwk, List<X509Certificate> chain) {
    public SigningKey {
        if (!jwk.isPrivate()) throw new IllegalArgumentException("signing key " + jwk.getKeyID() + " has no private part");
        if (jwk.getKeyID() == null) throw new IllegalArgumentException("signing key must have a kid");
        if (jwk.getX509CertChain() == null || jwk.getX509CertChain().isEmpty())
            throw new IllegalArgumentException("signing key " + jwk.getKeyID() + " must carry an x5c chain");
        chain = List.copyOf(chain);
    }

    /** True when the chain is one self-signed certificate (accepted for trying things out; HAIP SDVC-2 forbids it). */
    public boolean selfSigned() {
        return chain.size() == 1 && SigningKeyAssembler.isSelfSigned(chain.get(0));
    }

    /** Names the key without its private part (a record would print the whole JWK, {@code d} included). */
    @Override
    public String toString() {
        String thumbprint;
        try {
            thumbprint = jwk.computeThumbprint().toString();
        } catch (JOSEException e) {
            thumbprint = "unavailable";
        }
        String subject = chain.isEmpty() ? "none" : chain.get(0).getSubjectX500Principal().getName();
        return "SigningKey[kid=" + jwk.getKeyID() + ", thumbprint=" + thumbprint + ", subject=" + subject + "]";
    }
}
