package io.github.vciconnector.config;

/**
 * The wire identifiers several features share, kept here so none imports another for a string: the wallet-facing
 * paths below the issuer identifier (announced by the metadata documents, served by {@code web.wallet}, checked as
 * the DPoP {@code htu} by {@code oauth}) and the pre-authorized code grant type (announced in the Authorization
 * Server Metadata and in every Credential Offer, accepted by the token endpoint).
 */
public final class WalletProtocol {

    public static final String TOKEN_PATH = "/oidc4vci/token";
    public static final String NONCE_PATH = "/oidc4vci/nonce";
    public static final String CREDENTIAL_PATH = "/oidc4vci/credential";
    public static final String NOTIFICATION_PATH = "/oidc4vci/notification";
    public static final String OFFERS_PATH = "/oidc4vci/offers/";
    public static final String TYPES_PATH = "/oidc4vci/types/";
    /** DESIGN §9: the Token Status Lists, referenced from every credential and fetched by verifiers. */
    public static final String STATUS_LISTS_PATH = "/oidc4vci/status-lists/";

    /** RFC 9126 Pushed Authorization Request endpoint (DESIGN §10). */
    public static final String PAR_PATH = "/oidc4vci/par";
    /** RFC 6749 §3.1 authorization endpoint, taking only a PAR request_uri (DESIGN §10). */
    public static final String AUTHORIZE_PATH = "/oidc4vci/authorize";

    /** RFC 6749 §4.1.3. */
    public static final String AUTHORIZATION_CODE_GRANT = "authorization_code";
    /** OID4VCI §5.1.1: the {@code type} of an {@code authorization_details} entry for a credential. */
    public static final String OPENID_CREDENTIAL = "openid_credential";

    /** OID4VCI §3.5 (VCI-TOK-1). */
    public static final String PRE_AUTHORIZED_CODE_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    private WalletProtocol() {
    }
}
