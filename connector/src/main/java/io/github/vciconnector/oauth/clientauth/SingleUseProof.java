package io.github.vciconnector.oauth.clientauth;

/**
 * The single-use part of a proof that has passed every read-only check, e.g. the {@code jti} of a wallet
 * attestation PoP. It is consumed last, so that requests refused for another reason leave nothing in the store.
 */
@FunctionalInterface
public interface SingleUseProof {

    /** Nothing to consume: no proof was presented (an anonymous development wallet). */
    SingleUseProof NONE = () -> { };

    /** Atomic across replicas: succeeds once; afterwards throws the protocol error of its proof (a replay). */
    void consume();
}
