package io.github.vciconnector.issuance;

import java.util.Locale;

/** Credential Request errors (OID4VCI 1.0 §8.3.1.2). The constant is the wire value; HTTP mapping lives in web.error. */
public enum CredentialError {
    INVALID_CREDENTIAL_REQUEST, UNKNOWN_CREDENTIAL_CONFIGURATION, UNKNOWN_CREDENTIAL_IDENTIFIER,
    INVALID_PROOF, INVALID_NONCE, INVALID_ENCRYPTION_PARAMETERS, CREDENTIAL_REQUEST_DENIED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
