package io.github.vciconnector.demo;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Credential Issuer Metadata (OID4VCI 1.0 §12.2) and the metadata of its Authorization Server (RFC 8414), both
 * as parsed JSON, with typed accessors for the endpoints the pre-authorized code flow uses.
 */
public record IssuerMetadata(Map<String, Object> credentialIssuer, Map<String, Object> authorizationServer) {

    public IssuerMetadata {
        credentialIssuer = Json.copy(credentialIssuer);
        authorizationServer = Json.copy(authorizationServer);
        Json.string(credentialIssuer, "credential_issuer", true);
        Json.string(credentialIssuer, "credential_endpoint", true);
        Json.object(credentialIssuer, "credential_configurations_supported", true);
        Json.string(authorizationServer, "issuer", true);
        Json.string(authorizationServer, "token_endpoint", true);
    }

    public String credentialIssuerId() {
        return Json.string(credentialIssuer, "credential_issuer", true);
    }

    public String authorizationServerIssuer() {
        return Json.string(authorizationServer, "issuer", true);
    }

    public URI tokenEndpoint() {
        return uri(authorizationServer, "token_endpoint");
    }

    /** RFC 9126: the PAR endpoint, or null when the AS has none (no authorization code flow). */
    public URI pushedAuthorizationRequestEndpoint() {
        return uri(authorizationServer, "pushed_authorization_request_endpoint");
    }

    /** RFC 8414: the authorization endpoint, or null. */
    public URI authorizationEndpoint() {
        return uri(authorizationServer, "authorization_endpoint");
    }

    /** The {@code scope} of a configuration, or null. */
    public String scope(String configurationId) {
        Map<String, Object> configuration = credentialConfiguration(configurationId);
        return configuration == null ? null : Json.string(configuration, "scope", false);
    }

    public URI credentialEndpoint() {
        return uri(credentialIssuer, "credential_endpoint");
    }

    /** The Nonce Endpoint, or null when the issuer does not use {@code c_nonce} (VCI-MD-7). */
    public URI nonceEndpoint() {
        return uri(credentialIssuer, "nonce_endpoint");
    }

    /** The Notification Endpoint, or null. */
    public URI notificationEndpoint() {
        return uri(credentialIssuer, "notification_endpoint");
    }

    /** The configuration object for an id, or null when the issuer does not offer it. */
    public Map<String, Object> credentialConfiguration(String id) {
        return Json.object(Json.object(credentialIssuer, "credential_configurations_supported", true), id, false);
    }

    /** {@code dpop_signing_alg_values_supported} of the Authorization Server; empty when not advertised. */
    public List<String> dpopSigningAlgorithms() {
        Object value = authorizationServer.get("dpop_signing_alg_values_supported");
        return value == null ? List.of() : Json.stringList(authorizationServer, "dpop_signing_alg_values_supported");
    }

    /** A string array of the Authorization Server metadata, empty when absent (e.g. the ABCA lists, EUDI-8). */
    public List<String> authorizationServerList(String name) {
        return authorizationServer.get(name) == null ? List.of() : Json.stringList(authorizationServer, name);
    }

    /** {@code proof_types_supported} of a configuration, empty when absent. */
    public Map<String, Object> proofTypes(String configurationId) {
        Map<String, Object> configuration = credentialConfiguration(configurationId);
        Map<String, Object> types = configuration == null ? null : Json.object(configuration, "proof_types_supported", false);
        return types == null ? Map.of() : types;
    }

    /** {@code batch_credential_issuance.batch_size}, or 1 when the issuer does not support batches. */
    public int batchSize() {
        Map<String, Object> batch = Json.object(credentialIssuer, "batch_credential_issuance", false);
        return batch != null && batch.get("batch_size") instanceof Number n ? n.intValue() : 1;
    }

    private static URI uri(Map<String, Object> json, String name) {
        String value = Json.string(json, name, false);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (!uri.isAbsolute()) {
                throw new WalletException(name + " is not an absolute URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new WalletException(name + " is not a URL", e);
        }
    }
}
