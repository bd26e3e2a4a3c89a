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
 * @param authorizationEndpoint with the authorization code flow (DESIGN §10): the authorization endpoint, else null;
 *                              the PAR endpoint and the PAR, PKCE and RFC 9207 members come with it
 */
public record AuthorizationServerMetadata(String issuer, URI tokenEndpoint, List<String> grantTypesSupported,
                                          List<String> responseTypesSupported, List<String> dpopSigningAlgValuesSupported,
                                          List<String> tokenEndpointAuthMethodsSupported,
                                          boolean preAuthorizedGrantAnonymousAccessSupported,
                                          List<String> clientAttestationSigningAlgValuesSupported,
                                          List<String> clientAttestationPopSigningAlgValuesSupported,
                                          URI authorizationEndpoint, URI pushedAuthorizationRequestEndpoint,
                                          List<String> scopesSupported) {

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
    public static final String AUTHORIZATION_ENDPOINT = "authorization_endpoint";
    public static final String PUSHED_AUTHORIZATION_REQUEST_ENDPOINT = "pushed_authorization_request_endpoint";
    public static final String REQUIRE_PUSHED_AUTHORIZATION_REQUESTS = "require_pushed_authorization_requests";
    public static final String CODE_CHALLENGE_METHODS_SUPPORTED = "code_challenge_methods_supported";
    public static final String AUTHORIZATION_RESPONSE_ISS_PARAMETER_SUPPORTED = "authorization_response_iss_parameter_supported";
    public static final String AUTHORIZATION_DETAILS_TYPES_SUPPORTED = "authorization_details_types_supported";
    public static final String SCOPES_SUPPORTED = "scopes_supported";

    public AuthorizationServerMetadata {
        Objects.requireNonNull(issuer, ISSUER);
        Objects.requireNonNull(tokenEndpoint, TOKEN_ENDPOINT);
        grantTypesSupported = List.copyOf(grantTypesSupported);
        responseTypesSupported = List.copyOf(responseTypesSupported);
        dpopSigningAlgValuesSupported = List.copyOf(dpopSigningAlgValuesSupported);
        tokenEndpointAuthMethodsSupported = List.copyOf(tokenEndpointAuthMethodsSupported);
        clientAttestationSigningAlgValuesSupported = List.copyOf(clientAttestationSigningAlgValuesSupported);
        clientAttestationPopSigningAlgValuesSupported = List.copyOf(clientAttestationPopSigningAlgValuesSupported);
        scopesSupported = List.copyOf(scopesSupported);
        if ((authorizationEndpoint == null) != (pushedAuthorizationRequestEndpoint == null)) {
            throw new IllegalArgumentException("the authorization endpoint comes with the PAR endpoint (PAR is required)");
        }
    }

    /** What this connector supports: the pre-authorized code grant, DPoP and attestation-based client auth, ES256. */
    public static AuthorizationServerMetadata of(ConnectorProperties connector, WalletTrustPolicy trust) {
        return of(connector, trust, List.of());
    }

    /**
     * With {@code authorizationCodeFlow} also the authorization code grant (DESIGN §10, HAIP §4): PAR required, PKCE
     * S256, {@code iss} in the authorization response, {@code openid_credential} authorization details, and the
     * scopes of {@code codeFlowScopes} (AS-MD-10). Empty: the pre-authorized code flow only.
     */
    public static AuthorizationServerMetadata of(ConnectorProperties connector, WalletTrustPolicy trust, List<String> codeFlowScopes) {
        boolean authorizationCodeFlow = !codeFlowScopes.isEmpty();
        // Without mandatory wallet attestation a wallet may also come as a public client (none)
        List<String> authMethods = trust.walletAttestationRequired() ? List.of(ATTEST_JWT_CLIENT_AUTH) : List.of("none", ATTEST_JWT_CLIENT_AUTH);
        List<String> grants = authorizationCodeFlow
                ? List.of(WalletProtocol.PRE_AUTHORIZED_CODE_GRANT, WalletProtocol.AUTHORIZATION_CODE_GRANT)
                : List.of(WalletProtocol.PRE_AUTHORIZED_CODE_GRANT);
        return new AuthorizationServerMetadata(connector.issuerIdentifier(), connector.endpoint(WalletProtocol.TOKEN_PATH),
                grants, List.of("code"), List.of("ES256"), authMethods,
                !trust.walletAttestationRequired(), List.of("ES256"), List.of("ES256"),
                authorizationCodeFlow ? connector.endpoint(WalletProtocol.AUTHORIZE_PATH) : null,
                authorizationCodeFlow ? connector.endpoint(WalletProtocol.PAR_PATH) : null, codeFlowScopes);
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
        if (authorizationEndpoint != null) {
            json.put(AUTHORIZATION_ENDPOINT, authorizationEndpoint.toString());
            json.put(PUSHED_AUTHORIZATION_REQUEST_ENDPOINT, pushedAuthorizationRequestEndpoint.toString());
            json.put(REQUIRE_PUSHED_AUTHORIZATION_REQUESTS, true);
            json.put(CODE_CHALLENGE_METHODS_SUPPORTED, List.of("S256"));
            json.put(AUTHORIZATION_RESPONSE_ISS_PARAMETER_SUPPORTED, true);
            json.put(AUTHORIZATION_DETAILS_TYPES_SUPPORTED, List.of(WalletProtocol.OPENID_CREDENTIAL));
            json.put(SCOPES_SUPPORTED, scopesSupported);
        }
        return json;
    }
}
