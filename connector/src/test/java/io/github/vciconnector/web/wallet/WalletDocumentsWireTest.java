package io.github.vciconnector.web.wallet;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact bytes a wallet reads from the documents it fetches (issue 11 point 1: the typed documents must not move
 * a byte): both metadata documents, the signed metadata's claims and the Credential Offer object, member order and
 * escaping included. {@code ISSUER} stands for the running connector's issuer identifier, {@code CODE} for the
 * offer's pre-authorized code.
 */
class WalletDocumentsWireTest extends ConnectorIntegrationTest {

    private static final String ISSUER_METADATA = "{\"credential_issuer\":\"ISSUER\",\"credential_endpoint\":\"ISSUER/oidc4vci/credential\","
            + "\"nonce_endpoint\":\"ISSUER/oidc4vci/nonce\",\"notification_endpoint\":\"ISSUER/oidc4vci/notification\","
            + "\"batch_credential_issuance\":{\"batch_size\":10},\"credential_configurations_supported\":"
            + WalletDocumentsWireTest.CONFIGURATIONS_SUPPORTED + "}";

    private static final String CONFIGURATIONS_SUPPORTED = "{\"IdentityCredential\":{"
            + "\"format\":\"dc+sd-jwt\",\"scope\":\"identity_credential\",\"vct\":\"urn:example:identity-credential:1\","
            + "\"cryptographic_binding_methods_supported\":[\"jwk\"],\"credential_signing_alg_values_supported\":[\"ES256\"],"
            + "\"proof_types_supported\":{\"jwt\":{\"proof_signing_alg_values_supported\":[\"ES256\"]}},"
            + "\"credential_validity\":{\"seconds\":31536000,\"revocation\":\"token_status_list\"},"
                        + "\"credential_metadata\":{\"display\":[{\"name\":\"Identity Credential\",\"locale\":\"en-US\","
            + "\"description\":\"Your name, as verified by the issuer\",\"background_color\":\"#12107c\",\"text_color\":\"#FFFFFF\"},"
            + "{\"name\":\"Identitätsnachweis\",\"locale\":\"de-DE\",\"description\":\"Ihr Name, wie vom Aussteller geprüft\","
            + "\"background_color\":\"#12107c\",\"text_color\":\"#FFFFFF\"}],"
            + "\"claims\":[{\"path\":[\"given_name\"],\"mandatory\":true,\"display\":[{\"name\":\"Given name\",\"locale\":\"en-US\"},"
            + "{\"name\":\"Vorname\",\"locale\":\"de-DE\"}]},{\"path\":[\"family_name\"],\"mandatory\":true,"
            + "\"display\":[{\"name\":\"Family name\",\"locale\":\"en-US\"},{\"name\":\"Nachname\",\"locale\":\"de-DE\"}]}]}}}";

    private static final String AUTHORIZATION_SERVER_METADATA = "{\"issuer\":\"ISSUER\",\"token_endpoint\":\"ISSUER/oidc4vci/token\","
            + "\"grant_types_supported\":[\"urn:ietf:params:oauth:grant-type:pre-authorized_code\",\"authorization_code\"],\"response_types_supported\":[\"code\"],"
            + "\"dpop_signing_alg_values_supported\":[\"ES256\"],\"token_endpoint_auth_methods_supported\":[\"none\",\"attest_jwt_client_auth\"],"
            + "\"pre-authorized_grant_anonymous_access_supported\":true,\"client_attestation_signing_alg_values_supported\":[\"ES256\"],"
            + "\"client_attestation_pop_signing_alg_values_supported\":[\"ES256\"],"
            // DESIGN §10 (issue 14): the authorization code flow's members, after the pre-authorized flow's unchanged ones
            + "\"authorization_endpoint\":\"ISSUER/oidc4vci/authorize\",\"pushed_authorization_request_endpoint\":\"ISSUER/oidc4vci/par\","
            + "\"require_pushed_authorization_requests\":true,\"code_challenge_methods_supported\":[\"S256\"],"
            + "\"authorization_response_iss_parameter_supported\":true,\"authorization_details_types_supported\":[\"openid_credential\"],\"scopes_supported\":[\"identity_credential\"]}";

    /** A Transaction Code description with HTML characters, slashes, quotes, non-ASCII and an astral character. */
    private static final String DESCRIPTION_IN = "<a href='x'>&amp;</a> / \\\\ \\\" \\u00e9\\u20ac\\ud83d\\ude00 =";
    private static final String DESCRIPTION_OUT = "<a href='x'>&amp;</a> / \\\\ \\\" é€😀 =";

    private static final String OFFER = "{\"credential_issuer\":\"ISSUER\",\"credential_configuration_ids\":[\"IdentityCredential\"],"
            + "\"grants\":{\"urn:ietf:params:oauth:grant-type:pre-authorized_code\":{\"pre-authorized_code\":\"CODE\","
            + "\"tx_code\":{\"input_mode\":\"text\",\"length\":8,\"description\":\"" + DESCRIPTION_OUT + "\"}}}}";

    private static final String OFFER_WITHOUT_TX_CODE = "{\"credential_issuer\":\"ISSUER\",\"credential_configuration_ids\":[\"IdentityCredential\"],"
            + "\"grants\":{\"urn:ietf:params:oauth:grant-type:pre-authorized_code\":{\"pre-authorized_code\":\"CODE\"}}}";

    @Test
    void issuerMetadataWhenFetchedThenExactBytes() throws Exception {
        HttpResponse<byte[]> response = get(publicUri("/.well-known/openid-credential-issuer"), "application/json");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(utf8(response)).isEqualTo(ISSUER_METADATA.replace("ISSUER", issuer()));
    }

    @Test
    void signedIssuerMetadataWhenFetchedThenClaimsAreTheJsonDocumentThenSubIssIatExp() throws Exception {
        HttpResponse<byte[]> response = get(publicUri("/.well-known/openid-credential-issuer"), "application/jwt");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/jwt");
        var jwt = SignedJWT.parse(new String(response.body(), StandardCharsets.US_ASCII));
        String payload = jwt.getPayload().toString();
        // JWTClaimsSet keeps its claims in a HashMap: the top-level order is the hash order of these names.
        String expected = "{\"sub\":\"ISSUER\",\"credential_issuer\":\"ISSUER\",\"iss\":\"ISSUER\","
                + "\"batch_credential_issuance\":{\"batch_size\":10},\"notification_endpoint\":\"ISSUER/oidc4vci/notification\","
                + "\"credential_configurations_supported\":" + CONFIGURATIONS_SUPPORTED + ",\"exp\":EXP,"
                + "\"nonce_endpoint\":\"ISSUER/oidc4vci/nonce\",\"iat\":IAT,\"credential_endpoint\":\"ISSUER/oidc4vci/credential\"}";
        assertThat((payload.replaceAll("\"exp\":\\d+", "\"exp\":EXP").replaceAll("\"iat\":\\d+", "\"iat\":IAT")))
                .isEqualTo(expected.replace("ISSUER", issuer()));
        assertThat(jwt.getHeader().toJSONObject()).containsEntry("typ", "openidvci-issuer-metadata+jwt").containsEntry("alg", "ES256");
    }

    @Test
    void authorizationServerMetadataWhenFetchedThenExactBytes() throws Exception {
        HttpResponse<byte[]> response = get(publicUri("/.well-known/oauth-authorization-server"), "application/json");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(utf8(response)).isEqualTo(AUTHORIZATION_SERVER_METADATA.replace("ISSUER", issuer()));
    }

    @Test
    void offerWhenTxCodeWithHostileDescriptionThenExactBytes() throws Exception {
        HttpResponse<byte[]> response = get(offerUrl("{\"credential_configuration_id\":\"IdentityCredential\","
                + "\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"},"
                + "\"tx_code\":{\"input_mode\":\"text\",\"length\":8,\"description\":\"" + DESCRIPTION_IN + "\"}}"), "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        String body = utf8(response);
        assertThat(body).isEqualTo(OFFER.replace("ISSUER", issuer()).replace("CODE", code(body)));
    }

    /**
     * The only bytes that moved when the offer left Jackson for Nimbus (issue 11 point 1): Nimbus writes the hex
     * digits of an escaped C0 control character in lower case (Jackson: upper case) and escapes U+2028 and U+2029,
     * which Jackson wrote raw. The same JSON string either way; escaped line separators are also safe in JavaScript.
     */
    @Test
    void offerWhenDescriptionHasControlCharactersAndLineSeparatorsThenNimbusEscapes() throws Exception {
        HttpResponse<byte[]> response = get(offerUrl("{\"credential_configuration_id\":\"IdentityCredential\","
                + "\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"},"
                + "\"tx_code\":{\"input_mode\":\"numeric\",\"length\":6,\"description\":\"\\u0001\\u001f\\u007f\\t\\n \\u2028\\u2029\"}}"),
                "application/json");

        assertThat(utf8(response)).endsWith("\"tx_code\":{\"input_mode\":\"numeric\",\"length\":6,"
                + "\"description\":\"\\u0001\\u001f\u007f\\t\\n \\u2028\\u2029\"}}}}");
    }

    @Test
    void offerWhenNoTxCodeThenExactBytes() throws Exception {
        HttpResponse<byte[]> response = get(offerUrl("{\"credential_configuration_id\":\"IdentityCredential\","
                + "\"claims\":{\"given_name\":\"a\",\"family_name\":\"b\"}}"), "application/json");

        String body = utf8(response);
        assertThat(body).isEqualTo(OFFER_WITHOUT_TX_CODE.replace("ISSUER", issuer()).replace("CODE", code(body)));
    }

    @Test
    void offerWhenReferenceUnknownThenExactErrorBytes() throws Exception {
        HttpResponse<byte[]> response = get(publicUri("/oidc4vci/offers/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), "application/json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(utf8(response)).isEqualTo("{\"error\":\"not_found\",\"error_description\":\"offer unknown, redeemed or expired\"}");
    }

    private URI offerUrl(String offerRequest) throws Exception {
        var created = HTTP.send(HttpRequest.newBuilder(managementUri("/offers")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(offerRequest)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String uri = JSONObjectUtils.getString(JSONObjectUtils.parse(created.body()), "credential_offer_uri");
        return URI.create(URLDecoder.decode(uri.substring(uri.indexOf('=') + 1), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static String code(String offer) throws Exception {
        var grants = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(offer), "grants");
        var grant = (Map<String, Object>) grants.get("urn:ietf:params:oauth:grant-type:pre-authorized_code");
        return (String) grant.get("pre-authorized_code");
    }

    private static HttpResponse<byte[]> get(URI uri, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String utf8(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
