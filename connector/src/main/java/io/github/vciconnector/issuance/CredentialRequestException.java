package io.github.vciconnector.issuance;

/** Thrown by issuance when a Credential Request must be refused; the message becomes error_description. */
public final class CredentialRequestException extends RuntimeException {

    private final CredentialError error;

    public CredentialRequestException(CredentialError error, String description) {
        super(description);
        this.error = error;
    }

    public CredentialRequestException(CredentialError error, String description, Throwable cause) {
        super(description, cause);
        this.error = error;
    }

    public CredentialError error() {
        return error;
    }
}
