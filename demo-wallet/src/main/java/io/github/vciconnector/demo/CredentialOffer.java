package io.github.vciconnector.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of a Credential Offer (OID4VCI 1.0 §4.1.1) a wallet needs. {@code txCode} is the offer's {@code tx_code}
 * object (possibly empty) or null when the Token Request must not carry a {@code tx_code}. An offer has either a
 * pre-authorized code or an authorization code grant, whose {@code issuerState} goes into the authorization request.
 */
public record CredentialOffer(String credentialIssuer, List<String> credentialConfigurationIds,
                              String preAuthorizedCode, Map<String, Object> txCode, Map<String, Object> json,
                              String issuerState) {

    public static final String PRE_AUTHORIZED_CODE_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
    public static final String AUTHORIZATION_CODE_GRANT = "authorization_code";

    public CredentialOffer {
        if (credentialIssuer == null || credentialIssuer.isEmpty()) {
            throw new WalletException("offer has no credential_issuer");
        }
        if (credentialConfigurationIds == null || credentialConfigurationIds.isEmpty()) {
            throw new WalletException("offer has no credential_configuration_ids");
        }
        if (new HashSet<>(credentialConfigurationIds).size() != credentialConfigurationIds.size()) {
            throw new WalletException("offer repeats a credential_configuration_id");
        }
        if ((preAuthorizedCode == null || preAuthorizedCode.isEmpty()) && issuerState == null) {
            throw new WalletException("offer has no pre-authorized_code grant");
        }
        credentialConfigurationIds = List.copyOf(credentialConfigurationIds);
        txCode = txCode == null ? null : Json.copy(txCode);
        json = Json.copy(json);
    }

    /** Reads an offer JSON object, applying the checks of the EUDI resolver (EUDI-15). */
    public static CredentialOffer parse(Map<String, Object> json) {
        Map<String, Object> grants = Json.object(json, "grants", false);
        Map<String, Object> preAuthorized = grants == null ? null : Json.object(grants, PRE_AUTHORIZED_CODE_GRANT, false);
        Map<String, Object> authorizationCode = grants == null ? null : Json.object(grants, AUTHORIZATION_CODE_GRANT, false);
        if (preAuthorized == null && authorizationCode != null) {
            return new CredentialOffer(Json.string(json, "credential_issuer", true), Json.stringList(json, "credential_configuration_ids"),
                    null, null, json, Objects.requireNonNullElse(Json.string(authorizationCode, "issuer_state", false), ""));
        }
        if (preAuthorized == null) {
            throw new WalletException("offer has no pre-authorized_code grant nor authorization_code grant");
        }
        Map<String, Object> txCode = Json.object(preAuthorized, "tx_code", false);
        if (txCode != null && txCode.get("description") instanceof String d && d.length() > 300) {
            throw new WalletException("tx_code description longer than 300 characters");
        }
        return new CredentialOffer(Json.string(json, "credential_issuer", true),
                Json.stringList(json, "credential_configuration_ids"),
                Json.string(preAuthorized, "pre-authorized_code", true), txCode, json, null);
    }

    /** True when the offer carries the authorization code grant (the person logs in at the issuer's backend). */
    public boolean authorizationCodeGrant() {
        return issuerState != null;
    }

    public boolean txCodeRequired() {
        return txCode != null;
    }

    /** The configuration this wallet requests: the first offered one. */
    public String firstConfigurationId() {
        return credentialConfigurationIds.get(0);
    }
}
