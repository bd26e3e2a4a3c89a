package io.github.vciconnector.oauth.dpop;

import com.nimbusds.jose.jwk.ECKey;

import java.util.Objects;

/**
 * A verified DPoP proof: the wallet's public key and its RFC 7638 SHA-256 thumbprint, the value an access token is
 * bound to ({@code cnf.jkt}, RFC 9449 §6.1).
 */
public record DPoPProof(ECKey publicKey, String jkt) {
    public DPoPProof {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(jkt, "jkt");
        if (publicKey.isPrivate()) throw new IllegalArgumentException("a DPoP proof key must be public");
    }
}
