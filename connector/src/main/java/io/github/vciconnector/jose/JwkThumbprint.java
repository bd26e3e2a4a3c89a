package io.github.vciconnector.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;

/**
 * The RFC 7638 SHA-256 thumbprint of a public key, base64url: how every verifier names a key (DPoP {@code jkt},
 * RFC 9449 §6.1; replay keys; the distinct holder keys of a batch). Other members of the JWK ({@code kid},
 * {@code use}, {@code alg}) do not change it.
 */
public final class JwkThumbprint {

    private JwkThumbprint() {
    }

    /** @throws JOSEException when the key cannot be serialised for the thumbprint (each verifier names the failure) */
    public static String of(ECKey key) throws JOSEException {
        return key.computeThumbprint().toString();
    }
}
