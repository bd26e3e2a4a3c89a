package io.github.vciconnector.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code credential_configurations_supported} (OID4VCI 1.0 §12.2.4, Appendix A.3 for
 * {@code dc+sd-jwt}): what a wallet needs to request and bind the credential, and how to show it.
 *
 * @param proofTypesSupported by proof type ({@code jwt}, {@code attestation}), in wire order
 * @param validity            how long issued credentials are valid, told to wallets in the connector's extension member
 *                            {@code credential_validity} (OID4VCI §12.2.4 allows further members; wallets ignore unknown
 *                            ones), together with how they can be revoked (DESIGN §9)
 */
public record SupportedCredentialConfiguration(String format, String scope, String vct,
                                               List<String> cryptographicBindingMethodsSupported,
                                               List<String> credentialSigningAlgValuesSupported,
                                               Map<String, ProofType> proofTypesSupported,
                                               CredentialMetadata credentialMetadata, java.time.Duration validity) {

    public static final String SD_JWT_VC_FORMAT = "dc+sd-jwt";

    public static final String FORMAT = "format";
    public static final String SCOPE = "scope";
    public static final String VCT = "vct";
    public static final String CRYPTOGRAPHIC_BINDING_METHODS_SUPPORTED = "cryptographic_binding_methods_supported";
    public static final String CREDENTIAL_SIGNING_ALG_VALUES_SUPPORTED = "credential_signing_alg_values_supported";
    public static final String PROOF_TYPES_SUPPORTED = "proof_types_supported";
    public static final String CREDENTIAL_METADATA = "credential_metadata";
    public static final String CREDENTIAL_VALIDITY = "credential_validity";

    public SupportedCredentialConfiguration {
        Objects.requireNonNull(format, FORMAT);
        cryptographicBindingMethodsSupported = List.copyOf(cryptographicBindingMethodsSupported);
        credentialSigningAlgValuesSupported = List.copyOf(credentialSigningAlgValuesSupported);
        proofTypesSupported = Collections.unmodifiableMap(new LinkedHashMap<>(proofTypesSupported));
        Objects.requireNonNull(credentialMetadata, CREDENTIAL_METADATA);
        Objects.requireNonNull(validity, CREDENTIAL_VALIDITY);
    }

    /**
     * An SD-JWT VC bound to a JWK, signed with ES256. VCI-MD-16 / EUDI-4: when the issuer requires key attestation,
     * both proof types ({@code jwt} with a key_attestation header, and {@code attestation}) say so.
     */
    static SupportedCredentialConfiguration of(CredentialConfiguration configuration, WalletTrustPolicy trust) {
        var proofTypes = new LinkedHashMap<String, ProofType>();
        KeyAttestationsRequired required = trust.keyAttestationRequired()
                ? new KeyAttestationsRequired(trust.keyStorage(), trust.userAuthentication()) : null;
        proofTypes.put(ProofType.JWT, new ProofType(List.of("ES256"), required));
        if (required != null) proofTypes.put(ProofType.ATTESTATION, new ProofType(List.of("ES256"), required));
        return new SupportedCredentialConfiguration(SD_JWT_VC_FORMAT, configuration.scope(), configuration.vct(), List.of("jwk"),
                List.of("ES256"), proofTypes, CredentialMetadata.of(configuration.typeMetadata(), configuration.reusePolicy()),
                configuration.validity());
    }

    /** The members in wire order. */
    public Map<String, Object> toJSONObject() {
        var json = new LinkedHashMap<String, Object>();
        json.put(FORMAT, format);
        json.put(SCOPE, scope);
        json.put(VCT, vct);
        json.put(CRYPTOGRAPHIC_BINDING_METHODS_SUPPORTED, cryptographicBindingMethodsSupported);
        json.put(CREDENTIAL_SIGNING_ALG_VALUES_SUPPORTED, credentialSigningAlgValuesSupported);
        var proofTypes = new LinkedHashMap<String, Object>();
        proofTypesSupported.forEach((type, proofType) -> proofTypes.put(type, proofType.toJSONObject()));
        json.put(PROOF_TYPES_SUPPORTED, proofTypes);
        var validityMember = new LinkedHashMap<String, Object>();
        validityMember.put("seconds", validity.toSeconds());
        // Every credential carries status.status_list: revocable through the Token Status List (TSL-1)
        validityMember.put("revocation", "token_status_list");
        json.put(CREDENTIAL_VALIDITY, validityMember);
        json.put(CREDENTIAL_METADATA, credentialMetadata.toJSONObject());
        return json;
    }

    /**
     * One entry of {@code proof_types_supported} (OID4VCI 1.0 §12.2.4).
     *
     * @param keyAttestationsRequired VCI-MD-16: {@code key_attestations_required}, present iff key attestation is
     *                                required; null otherwise
     */
    public record ProofType(List<String> proofSigningAlgValuesSupported, KeyAttestationsRequired keyAttestationsRequired) {

        public static final String JWT = "jwt";
        public static final String ATTESTATION = "attestation";
        public static final String PROOF_SIGNING_ALG_VALUES_SUPPORTED = "proof_signing_alg_values_supported";
        public static final String KEY_ATTESTATIONS_REQUIRED = "key_attestations_required";

        public ProofType {
            proofSigningAlgValuesSupported = List.copyOf(proofSigningAlgValuesSupported);
        }

        public Map<String, Object> toJSONObject() {
            var json = new LinkedHashMap<String, Object>();
            json.put(PROOF_SIGNING_ALG_VALUES_SUPPORTED, proofSigningAlgValuesSupported);
            if (keyAttestationsRequired != null) json.put(KEY_ATTESTATIONS_REQUIRED, keyAttestationsRequired.toJSONObject());
            return json;
        }
    }

    /**
     * {@code key_attestations_required} (OID4VCI 1.0 §12.2.4, App. D.2): the accepted {@code key_storage} and
     * {@code user_authentication} levels; an empty list leaves its member out, both empty give {@code {}}.
     */
    public record KeyAttestationsRequired(List<String> keyStorage, List<String> userAuthentication) {

        public static final String KEY_STORAGE = "key_storage";
        public static final String USER_AUTHENTICATION = "user_authentication";

        public KeyAttestationsRequired {
            keyStorage = List.copyOf(keyStorage);
            userAuthentication = List.copyOf(userAuthentication);
        }

        public Map<String, Object> toJSONObject() {
            var json = new LinkedHashMap<String, Object>();
            if (!keyStorage.isEmpty()) json.put(KEY_STORAGE, keyStorage);
            if (!userAuthentication.isEmpty()) json.put(USER_AUTHENTICATION, userAuthentication);
            return json;
        }
    }
}
