package io.github.vciconnector.oauth.dpop;

/**
 * Thrown when a DPoP proof must be refused. The message is a short ASCII text safe to use as error_description;
 * it never echoes the proof.
 */
public final class DPoPProofException extends RuntimeException {

    private final DPoPError error;

    public DPoPProofException(DPoPError error, String description) {
        super(description);
        this.error = error;
    }

    public DPoPProofException(DPoPError error, String description, Throwable cause) {
        super(description, cause);
        this.error = error;
    }

    public DPoPError error() {
        return error;
    }
}
