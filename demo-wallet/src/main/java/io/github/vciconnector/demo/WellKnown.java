package io.github.vciconnector.demo;

import java.net.URI;

/**
 * Well-known metadata locations: the suffix goes between host and path of the identifier (OID4VCI 1.0 §12.2.2,
 * RFC 8414 §3), e.g. {@code https://h/tenant} gives {@code https://h/.well-known/openid-credential-issuer/tenant}.
 */
public final class WellKnown {

    public static final String CREDENTIAL_ISSUER = "/.well-known/openid-credential-issuer";
    public static final String AUTHORIZATION_SERVER = "/.well-known/oauth-authorization-server";

    private WellKnown() {
    }

    /** Credential Issuer Metadata URL (VCI-MD-2). */
    public static URI credentialIssuerMetadata(String credentialIssuer) {
        return insert(credentialIssuer, CREDENTIAL_ISSUER);
    }

    /** Authorization Server Metadata URL (AS-MD-1, EUDI-7). */
    public static URI authorizationServerMetadata(String issuer) {
        return insert(issuer, AUTHORIZATION_SERVER);
    }

    /** Inserts {@code suffix} between authority and path; a terminating slash of the path is dropped (RFC 8414 §3.1). */
    public static URI insert(String identifier, String suffix) {
        URI id;
        try {
            id = URI.create(identifier);
        } catch (IllegalArgumentException e) {
            throw new WalletException("issuer identifier is not a URI", e);
        }
        if (!id.isAbsolute() || id.getRawAuthority() == null) {
            throw new WalletException("issuer identifier is not an absolute URL");
        }
        if (id.getRawQuery() != null || id.getRawFragment() != null) {
            throw new WalletException("issuer identifier has a query or fragment");
        }
        String path = id.getRawPath() == null ? "" : id.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(id.getScheme() + "://" + id.getRawAuthority() + suffix + path);
    }
}
