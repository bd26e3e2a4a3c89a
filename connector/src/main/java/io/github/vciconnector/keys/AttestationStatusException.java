package io.github.vciconnector.keys;

/**
 * An attestation's status reference refused it (revoked, suspended, or its list unusable); the message is short
 * ASCII and names no URI or index. The wallet-attestation verifier answers it as {@code invalid_client}, the
 * key-attestation verifier as {@code invalid_proof}.
 */
public class AttestationStatusException extends RuntimeException {

    public AttestationStatusException(String description) {
        super(description);
    }
}
