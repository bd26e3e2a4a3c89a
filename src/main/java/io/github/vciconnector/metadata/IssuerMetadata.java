package io.github.vciconnector.metadata;

/**
 * The wallet-facing paths below the issuer identifier that the Credential Issuer Metadata
 * ({@link CredentialIssuerMetadata}) and the Authorization Server Metadata ({@link AuthorizationServerMetadata})
 * announce, and the endpoints serve.
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
}
