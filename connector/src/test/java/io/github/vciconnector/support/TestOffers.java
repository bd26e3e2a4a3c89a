package io.github.vciconnector.support;

/** Offer request bodies for the sample IdentityCredential configuration. */
public final class TestOffers {

    public static final String ERIKA = """
            {"credential_configuration_id": "IdentityCredential",
             "claims": {"given_name": "Erika", "family_name": "Mustermann"}}""";

    public static final String ERIKA_WITH_TX_CODE = """
            {"credential_configuration_id": "IdentityCredential",
             "claims": {"given_name": "Erika", "family_name": "Mustermann"},
             "tx_code": {"input_mode": "numeric", "length": 6, "description": "Sent to you by SMS"}}""";

    private TestOffers() {
    }
}
