package io.github.vciconnector.metadata;

import io.github.vciconnector.config.ConnectorProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Credential Issuer Metadata (OID4VCI 1.0 §12.2.4) from the configurations and their Type Metadata.
 * Display data is copied from Type Metadata into {@code credential_metadata}, because EUDI wallets render from
 * there and never fetch Type Metadata (EUDI-17).
 */
public final class IssuerMetadata {

    public static final String TOKEN_PATH = "/oidc4vci/token";
    public static final String NONCE_PATH = "/oidc4vci/nonce";
    public static final String CREDENTIAL_PATH = "/oidc4vci/credential";
    public static final String NOTIFICATION_PATH = "/oidc4vci/notification";
    public static final String OFFERS_PATH = "/oidc4vci/offers/";
    public static final String TYPES_PATH = "/oidc4vci/types/";

    private IssuerMetadata() {
    }

    public static Map<String, Object> build(ConnectorProperties connector, CredentialConfigurations configurations,
                                            WalletTrustPolicy trust) {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("credential_issuer", connector.issuerIdentifier());
        metadata.put("credential_endpoint", connector.endpoint(CREDENTIAL_PATH).toString());
        metadata.put("nonce_endpoint", connector.endpoint(NONCE_PATH).toString());
        metadata.put("notification_endpoint", connector.endpoint(NOTIFICATION_PATH).toString());
        if (trust.batchSize() >= 2) metadata.put("batch_credential_issuance", Map.of("batch_size", trust.batchSize()));
        var supported = new LinkedHashMap<String, Object>();
        for (CredentialConfiguration configuration : configurations.all()) {
            supported.put(configuration.id(), configuration(configuration, trust));
        }
        metadata.put("credential_configurations_supported", supported);
        return metadata;
    }

    private static Map<String, Object> configuration(CredentialConfiguration configuration, WalletTrustPolicy trust) {
        var json = new LinkedHashMap<String, Object>();
        json.put("format", "dc+sd-jwt");
        json.put("scope", configuration.scope());
        json.put("vct", configuration.vct());
        json.put("cryptographic_binding_methods_supported", List.of("jwk"));
        json.put("credential_signing_alg_values_supported", List.of("ES256"));
        json.put("proof_types_supported", proofTypes(trust));
        json.put("credential_metadata", credentialMetadata(configuration.typeMetadata()));
        return json;
    }

    /**
     * VCI-MD-16: {@code key_attestations_required} present iff the issuer requires key attestation; EUDI-4: then
     * on every proof type, {@code jwt} (with a key_attestation header) and {@code attestation}.
     */
    private static Map<String, Object> proofTypes(WalletTrustPolicy trust) {
        var proofTypes = new LinkedHashMap<String, Object>();
        proofTypes.put("jwt", proofType(trust.keyAttestationRequired()));
        if (trust.keyAttestationRequired()) proofTypes.put("attestation", proofType(true));
        return proofTypes;
    }

    private static Map<String, Object> proofType(boolean keyAttestationRequired) {
        var proofType = new LinkedHashMap<String, Object>();
        proofType.put("proof_signing_alg_values_supported", List.of("ES256"));
        if (keyAttestationRequired) proofType.put("key_attestations_required", Map.of());
        return proofType;
    }

    private static Map<String, Object> credentialMetadata(TypeMetadata typeMetadata) {
        var display = new ArrayList<Map<String, Object>>();
        for (Map<String, Object> entry : typeMetadata.display()) {
            var out = new LinkedHashMap<String, Object>();
            out.put("name", entry.get("name"));
            out.put("locale", entry.get("locale"));
            copyIfPresent(entry, "description", out, "description");
            if (entry.get("rendering") instanceof Map && ((Map<?, ?>) entry.get("rendering")).get("simple") instanceof Map) {
                var simple = (Map<?, ?>) ((Map<?, ?>) entry.get("rendering")).get("simple");
                if (simple.get("logo") instanceof Map) out.put("logo", logo((Map<?, ?>) simple.get("logo")));
                if (simple.get("background_color") != null) out.put("background_color", simple.get("background_color"));
                if (simple.get("text_color") != null) out.put("text_color", simple.get("text_color"));
            }
            display.add(out);
        }
        if (display.isEmpty() && typeMetadata.name() != null) display.add(Map.of("name", typeMetadata.name()));
        var claims = new ArrayList<Map<String, Object>>();
        for (ClaimMetadata claim : typeMetadata.claims()) {
            var out = new LinkedHashMap<String, Object>();
            out.put("path", claim.path());
            if (claim.mandatory()) out.put("mandatory", true);
            var claimDisplay = new ArrayList<Map<String, Object>>();
            for (Map<String, Object> d : claim.display()) {
                claimDisplay.add(Map.of("name", d.get("label"), "locale", d.get("locale")));
            }
            if (!claimDisplay.isEmpty()) out.put("display", claimDisplay);
            claims.add(out);
        }
        var result = new LinkedHashMap<String, Object>();
        result.put("display", display);
        if (!claims.isEmpty()) result.put("claims", claims);
        return result;
    }

    private static Map<String, Object> logo(Map<?, ?> logo) {
        var out = new LinkedHashMap<String, Object>();
        out.put("uri", logo.get("uri"));
        if (logo.get("alt_text") != null) out.put("alt_text", logo.get("alt_text"));
        return out;
    }

    private static void copyIfPresent(Map<String, Object> from, String key, Map<String, Object> to, String as) {
        if (from.get(key) != null) to.put(as, from.get(key));
    }
}
