package io.github.vciconnector.metadata;

import io.github.vciconnector.config.ConnectorProperties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 8414 Authorization Server Metadata of the connector, which is its own AS (OID4VCI §12.2.4: no
 * {@code authorization_servers}). Lists what the EUDI wallet checks before a token request (EUDI-7, -8, -10).
 */
public final class AuthorizationServerMetadata {

    public static final String PRE_AUTHORIZED_CODE_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    private AuthorizationServerMetadata() {
    }

    public static Map<String, Object> build(ConnectorProperties connector, WalletTrustPolicy trust) {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("issuer", connector.issuerIdentifier());
        metadata.put("token_endpoint", connector.endpoint(IssuerMetadata.TOKEN_PATH).toString());
        metadata.put("grant_types_supported", List.of(PRE_AUTHORIZED_CODE_GRANT));
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("dpop_signing_alg_values_supported", List.of("ES256"));
        if (trust.walletAttestationRequired()) {
            metadata.put("token_endpoint_auth_methods_supported", List.of("attest_jwt_client_auth"));
            metadata.put("pre-authorized_grant_anonymous_access_supported", false);
        } else {
            metadata.put("token_endpoint_auth_methods_supported", List.of("none", "attest_jwt_client_auth"));
            metadata.put("pre-authorized_grant_anonymous_access_supported", true);
        }
        metadata.put("client_attestation_signing_alg_values_supported", List.of("ES256"));
        metadata.put("client_attestation_pop_signing_alg_values_supported", List.of("ES256"));
        return metadata;
    }
}
