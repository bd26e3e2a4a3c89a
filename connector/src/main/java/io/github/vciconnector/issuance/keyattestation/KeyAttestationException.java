package io.github.vciconnector.issuance.keyattestation;

/**
 * A key attestation failed a check; the message names it (short, ASCII, never the attestation itself). The
 * credential endpoint answers it as {@code invalid_proof}: the mapping to the wire lives with the caller, so this
 * package knows nothing of the Credential Request it serves.
 */
public class KeyAttestationException extends RuntimeException {

    public KeyAttestationException(String description) {
        super(description);
    }
}
