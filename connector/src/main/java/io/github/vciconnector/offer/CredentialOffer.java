package io.github.vciconnector.offer;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.config.WalletProtocol;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Credential Offer object (OID4VCI 1.0 §4.1.1) a wallet fetches from the {@code credential_offer_uri}: this
 * connector always offers one configuration with one grant: the pre-authorized code, optionally with a Transaction
 * Code, or the authorization code with an {@code issuer_state} (DESIGN §10).
 *
 * @param credentialIssuer         the Credential Issuer Identifier
 * @param credentialConfigurationIds keys of {@code credential_configurations_supported}, at least one
 * @param preAuthorizedCode        the grant under {@link WalletProtocol#PRE_AUTHORIZED_CODE_GRANT}, or null
 * @param authorizationCode        the grant under {@code authorization_code}, or null; exactly one of the two is set
 */
public record CredentialOffer(String credentialIssuer, List<String> credentialConfigurationIds,
                              PreAuthorizedCodeGrant preAuthorizedCode, AuthorizationCodeGrant authorizationCode) {

    public static final String CREDENTIAL_ISSUER = "credential_issuer";
    public static final String CREDENTIAL_CONFIGURATION_IDS = "credential_configuration_ids";
    public static final String GRANTS = "grants";

    public CredentialOffer {
        Objects.requireNonNull(credentialIssuer, CREDENTIAL_ISSUER);
        credentialConfigurationIds = List.copyOf(credentialConfigurationIds);
        if (credentialConfigurationIds.isEmpty()) throw new IllegalArgumentException(CREDENTIAL_CONFIGURATION_IDS + " is empty");
        if ((preAuthorizedCode == null) == (authorizationCode == null)) throw new IllegalArgumentException(GRANTS + " must hold exactly one grant");
    }

    /** An offer with the pre-authorized code grant. */
    public CredentialOffer(String credentialIssuer, List<String> credentialConfigurationIds, PreAuthorizedCodeGrant preAuthorizedCode) {
        this(credentialIssuer, credentialConfigurationIds, preAuthorizedCode, null);
    }

    /** The members in wire order: {@code credential_issuer}, {@code credential_configuration_ids}, {@code grants}. */
    public Map<String, Object> toJSONObject() {
        var grants = new LinkedHashMap<String, Object>();
        if (preAuthorizedCode != null) grants.put(WalletProtocol.PRE_AUTHORIZED_CODE_GRANT, preAuthorizedCode.toJSONObject());
        if (authorizationCode != null) grants.put(WalletProtocol.AUTHORIZATION_CODE_GRANT, authorizationCode.toJSONObject());
        var json = new LinkedHashMap<String, Object>();
        json.put(CREDENTIAL_ISSUER, credentialIssuer);
        json.put(CREDENTIAL_CONFIGURATION_IDS, credentialConfigurationIds);
        json.put(GRANTS, grants);
        return json;
    }

    /**
     * Reads an offer back (tests, and any client of this connector's offers). Refuses what this connector never
     * sends: no pre-authorized code grant, an empty or non-string configuration list, a tx_code of the wrong shape.
     *
     * @throws ParseException naming the offending member
     */
    public static CredentialOffer parse(Map<String, Object> json) throws ParseException {
        String issuer = requiredString(json, CREDENTIAL_ISSUER);
        List<String> ids = JSONObjectUtils.getStringList(json, CREDENTIAL_CONFIGURATION_IDS);
        if (ids == null || ids.isEmpty() || ids.contains(null)) {
            throw new ParseException(CREDENTIAL_CONFIGURATION_IDS + " must be a non-empty array of strings", 0);
        }
        Map<String, Object> grants = JSONObjectUtils.getJSONObject(json, GRANTS);
        Map<String, Object> grant = grants == null ? null : JSONObjectUtils.getJSONObject(grants, WalletProtocol.PRE_AUTHORIZED_CODE_GRANT);
        Map<String, Object> codeGrant = grants == null ? null : JSONObjectUtils.getJSONObject(grants, WalletProtocol.AUTHORIZATION_CODE_GRANT);
        if (grant != null && codeGrant == null) return new CredentialOffer(issuer, ids, PreAuthorizedCodeGrant.parse(grant));
        if (codeGrant != null && grant == null) return new CredentialOffer(issuer, ids, null, AuthorizationCodeGrant.parse(codeGrant));
        throw new ParseException(GRANTS + " must hold exactly one of " + WalletProtocol.PRE_AUTHORIZED_CODE_GRANT + " and "
                + WalletProtocol.AUTHORIZATION_CODE_GRANT, 0);
    }

    static String requiredString(Map<String, Object> json, String name) throws ParseException {
        String value = JSONObjectUtils.getString(json, name);
        if (value == null || value.isEmpty()) throw new ParseException(name + " is missing", 0);
        return value;
    }

    /**
     * The pre-authorized code grant of an offer (OID4VCI 1.0 §4.1.1).
     *
     * @param code   the pre-authorized code, a bearer secret
     * @param txCode what the wallet must ask the user for; null when no Transaction Code is required
     */
    public record PreAuthorizedCodeGrant(String code, TxCode txCode) {

        public static final String PRE_AUTHORIZED_CODE = "pre-authorized_code";
        public static final String TX_CODE = "tx_code";

        public PreAuthorizedCodeGrant {
            Objects.requireNonNull(code, PRE_AUTHORIZED_CODE);
        }

        public Map<String, Object> toJSONObject() {
            var json = new LinkedHashMap<String, Object>();
            json.put(PRE_AUTHORIZED_CODE, code);
            if (txCode != null) json.put(TX_CODE, txCode.toJSONObject());
            return json;
        }

        static PreAuthorizedCodeGrant parse(Map<String, Object> json) throws ParseException {
            Map<String, Object> txCode = JSONObjectUtils.getJSONObject(json, TX_CODE);
            return new PreAuthorizedCodeGrant(requiredString(json, PRE_AUTHORIZED_CODE), txCode == null ? null : TxCode.parse(txCode));
        }

        /** Never the code: records print their components, and this one is a bearer secret. */
        @Override
        public String toString() {
            return "PreAuthorizedCodeGrant[txCode=" + txCode + "]";
        }
    }

    /**
     * The authorization code grant of an offer (OID4VCI 1.0 §4.1.1): the {@code issuer_state} the wallet sends back
     * in its authorization request, which ties that request to this offer.
     */
    public record AuthorizationCodeGrant(String issuerState) {

        public static final String ISSUER_STATE = "issuer_state";

        public AuthorizationCodeGrant {
            Objects.requireNonNull(issuerState, ISSUER_STATE);
        }

        public Map<String, Object> toJSONObject() {
            var json = new LinkedHashMap<String, Object>();
            json.put(ISSUER_STATE, issuerState);
            return json;
        }

        static AuthorizationCodeGrant parse(Map<String, Object> json) throws ParseException {
            return new AuthorizationCodeGrant(requiredString(json, ISSUER_STATE));
        }
    }

    /**
     * The {@code tx_code} object (OID4VCI 1.0 §4.1.1): how the code is entered and how long it is, never the code.
     *
     * @param inputMode   {@code numeric} or {@code text}
     * @param length      the number of characters
     * @param description a hint for the user, at most 300 characters; null for none
     */
    public record TxCode(String inputMode, int length, String description) {

        public static final String INPUT_MODE = "input_mode";
        public static final String LENGTH = "length";
        public static final String DESCRIPTION = "description";

        public TxCode {
            if (!"numeric".equals(inputMode) && !"text".equals(inputMode)) {
                throw new IllegalArgumentException(INPUT_MODE + " must be numeric or text");
            }
            if (length < 1) throw new IllegalArgumentException(LENGTH + " must be positive");
        }

        public Map<String, Object> toJSONObject() {
            var json = new LinkedHashMap<String, Object>();
            json.put(INPUT_MODE, inputMode);
            json.put(LENGTH, length);
            if (description != null) json.put(DESCRIPTION, description);
            return json;
        }

        static TxCode parse(Map<String, Object> json) throws ParseException {
            String inputMode = JSONObjectUtils.getString(json, INPUT_MODE);
            if (!"numeric".equals(inputMode) && !"text".equals(inputMode)) {
                throw new ParseException(TX_CODE_MEMBER + INPUT_MODE + " must be numeric or text", 0);
            }
            // getInt would truncate 6.5 and accept 1e10 modulo 2^32: only an integral, positive int is a length
            if (!(json.get(LENGTH) instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                    || number.doubleValue() < 1 || number.doubleValue() > Integer.MAX_VALUE) {
                throw new ParseException(TX_CODE_MEMBER + LENGTH + " must be a positive integer", 0);
            }
            return new TxCode(inputMode, number.intValue(), JSONObjectUtils.getString(json, DESCRIPTION));
        }

        private static final String TX_CODE_MEMBER = PreAuthorizedCodeGrant.TX_CODE + ".";
    }
}
