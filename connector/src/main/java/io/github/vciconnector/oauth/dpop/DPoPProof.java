package io.github.vciconnector.oauth.dpop;

import com.nimbusds.jose.jwk.ECKey;

import java.util.Objects;

/**
 * A verified DPoP proof: the wallet's public key and its RFC 7638 SHA-256 thumbprint, the value an access token is
 * bound to ({@code cnf.jkt}, RFC 9449 §6.1), and the fixed-size key under which its {@code jti} is remembered.
 *
 * @param replayKey {@code Digests.replayKey(jkt, jti)}; {@link DPoPProofVerifier#consume} records it exactly once
 */
public record DPoPProof(ECKey publicKey, String jkt, String replayKey) {
    public DPoPProof {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(jkt, "jkt");
        Objects.requireNonNull(replayKey, "replayKey");
        if (publicKey.isPrivate()) throw new IllegalArgumentException("a DPoP proof key must be public");
    }
}
