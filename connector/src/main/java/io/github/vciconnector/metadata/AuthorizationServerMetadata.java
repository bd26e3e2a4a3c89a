package io.github.vciconnector.metadata;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.WalletProtocol;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RFC 8414 Authorization Server Metadata of the connector, which is its own AS (OID4VCI §12.2.4: no
 * {@code authorization_servers}). Lists what the EUDI wallet checks before a token request (EUDI-7, -8, -10).
 *
 * @param preAuthorizedGrantAnonymousAccessSupported OID4VCI §12.3: false when the wallet must authenticate
 */
public record AuthorizationServerMetadata(String issuer, URI tokenEndpoint, List<String> grantTypesSupported,
                                          List<String> responseTypesSupported, List<String> dpopSigningAlgValuesSupported,
                                          List<String> tokenEndpointAuthMethodsSupported,
                                          boolean preAuthorizedGrantAnonymousAccessSupported,
                                          List<String> clientAttestationSigningAlgValuesSupported,
                                          List<String> clientAttestationPopSigningAlgValuesSupported) {

    static final String ATTEST_JWT_CLIENT_AUTH = "attest_jwt_client_auth";

    public static final String ISSUER = "issuer";
    public static final String TOKEN_ENDPOINT = "token_endpoint";
    public static final String GRANT_TYPES_SUPPORTED = "grant_types_supported";
    public static final String RESPONSE_TYPES_SUPPORTED = "response_types_supported";
    public static final String DPOP_SIGNING_ALG_VALUES_SUPPORTED = "dpop_signing_alg_values_supported";
    public static final String TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED = "token_endpoint_auth_methods_supported";
    public static final String PRE_AUTHORIZED_GRANT_ANONYMOUS_ACCESS_SUPPORTED = "pre-authorized_grant_anonymous_access_supported";
    public static final String CLIENT_ATTESTATION_SIGNING_ALG_VALUES_SUPPORTED = "client_attestation_signing_alg_values_supported";
    public static final String CLIENT_ATTESTATION_POP_SIGNING_ALG_VALUES_SUPPORTED = "client_attestation_pop_signing_alg_values_supported";

    public AuthorizationServerMetadata {
        Objects.requireNonNull(issuer, ISSUER);
        Objects.requireNonNull(tokenEndpoint, TOKEN_ENDPOINT);
        grantTypesSupported = List.copyOf(grantTypesSupported);
        responseTypesSupported = List.copyOf(responseTypesSupported);
        dpopSigningAlgValuesSupported = List.copyOf(dpopSigningAlgValuesSupported);
        tokenEndpointAuthMethodsSupported = List.copyOf(tokenEndpointAuthMethodsSupported);
        clientAttestationSigningAlgValuesSupported = List.copyOf(clientAttestationSigningAlgValuesSupported);
        clientAttestationPopSigningAlgValuesSupported = List.copyOf(clientAttestationPopSigningAlgValuesSupported);
    }

    /** What this connector supports: the pre-authorized code grant, DPoP and attestation-based client auth, ES256. */
    public static AuthorizationServerMetadata of(ConnectorProperties connector, WalletTrustPolicy trust) {
        // Without mandatory wallet attestation a wallet may also come as a public client (none)
        List<String> authMethods = trust.walletAttestationRequired() ? List.of(ATTEST_JWT_CLIENT_AUTH) : List.of("none", ATTEST_JWT_CLIENT_AUTH);
        return new AuthorizationServerMetadata(connector.issuerIdentifier(), connector.endpoint(WalletProtocol.TOKEN_PATH),
                List.of(WalletProtocol.PRE_AUTHORIZED_CODE_GRANT), List.of("code"), List.of("ES256"), authMethods,
                !trust.walletAttestationRequired(), List.of("ES256"), List.of("ES256"));
    }

    /** The members in wire order. */
    public Map<String, Object> toJSONObject() {
        var json = new LinkedHashMap<String, Object>();
        json.put(ISSUER, issuer);
        json.put(TOKEN_ENDPOINT, tokenEndpoint.toString());
        json.put(GRANT_TYPES_SUPPORTED, grantTypesSupported);
        json.put(RESPONSE_TYPES_SUPPORTED, responseTypesSupported);
        json.put(DPOP_SIGNING_ALG_VALUES_SUPPORTED, dpopSigningAlgValuesSupported);
        json.put(TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED, tokenEndpointAuthMethodsSupported);
        json.put(PRE_AUTHORIZED_GRANT_ANONYMOUS_ACCESS_SUPPORTED, preAuthorizedGrantAnonymousAccessSupported);
        json.put(CLIENT_ATTESTATION_SIGNING_ALG_VALUES_SUPPORTED, clientAttestationSigningAlgValuesSupported);
        json.put(CLIENT_ATTESTATION_POP_SIGNING_ALG_VALUES_SUPPORTED, clientAttestationPopSigningAlgValuesSupported);
        return json;
    }
}
