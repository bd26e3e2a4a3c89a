package io.github.vciconnector.offer;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.text.ParseException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Credential Offer object (OID4VCI 1.0 §4.1.1) and the link that passes it by reference (§4.1.3). */
class CredentialOfferTest {

    private static final String GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    private static final CredentialOffer WITH_TX_CODE = new CredentialOffer("https://issuer.example.com", List.of("IdentityCredential"),
            new CredentialOffer.PreAuthorizedCodeGrant("c0de", new CredentialOffer.TxCode("numeric", 6, "Sent to you by SMS")));

    @Test
    void toJSONObjectWhenTxCodeThenMembersInWireOrder() {
        assertThat(JSONObjectUtils.toJSONString(WITH_TX_CODE.toJSONObject())).isEqualTo("{\"credential_issuer\":\"https://issuer.example.com\","
                + "\"credential_configuration_ids\":[\"IdentityCredential\"],\"grants\":{\"" + GRANT + "\":{\"pre-authorized_code\":\"c0de\","
                + "\"tx_code\":{\"input_mode\":\"numeric\",\"length\":6,\"description\":\"Sent to you by SMS\"}}}}");
    }

    @Test
    void toJSONObjectWhenNoTxCodeOrNoDescriptionThenMemberOmitted() {
        var noTxCode = new CredentialOffer("https://i.example", List.of("A"), new CredentialOffer.PreAuthorizedCodeGrant("c", null));
        var noDescription = new CredentialOffer.TxCode("text", 8, null);

        assertThat(JSONObjectUtils.toJSONString(noTxCode.toJSONObject()))
                .isEqualTo("{\"credential_issuer\":\"https://i.example\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"" + GRANT
                        + "\":{\"pre-authorized_code\":\"c\"}}}");
        assertThat(JSONObjectUtils.toJSONString(noDescription.toJSONObject())).isEqualTo("{\"input_mode\":\"text\",\"length\":8}");
    }

    @Test
    void parseWhenWrittenByToJSONObjectThenSameOffer() throws Exception {
        String json = JSONObjectUtils.toJSONString(WITH_TX_CODE.toJSONObject());

        assertThat(CredentialOffer.parse(JSONObjectUtils.parse(json))).isEqualTo(WITH_TX_CODE);
    }

    @Test
    void parseWhenAuthorizationCodeOfferWrittenByToJSONObjectThenSameOffer() throws Exception {
        var offer = new CredentialOffer("https://issuer.example", List.of("IdentityCredential"), null,
                new CredentialOffer.AuthorizationCodeGrant("state-1"));
        String json = JSONObjectUtils.toJSONString(offer.toJSONObject());

        assertThat(json).isEqualTo("{\"credential_issuer\":\"https://issuer.example\",\"credential_configuration_ids\":[\"IdentityCredential\"],"
                + "\"grants\":{\"authorization_code\":{\"issuer_state\":\"state-1\"}}}");
        assertThat(CredentialOffer.parse(JSONObjectUtils.parse(json))).isEqualTo(offer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no issuer|{\"credential_configuration_ids\":[\"A\"],\"grants\":{\"G\":{\"pre-authorized_code\":\"c\"}}}|credential_issuer",
            "issuer a number|{\"credential_issuer\":7,\"credential_configuration_ids\":[\"A\"],\"grants\":{\"G\":{\"pre-authorized_code\":\"c\"}}}|credential_issuer",
            "ids empty|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[],\"grants\":{\"G\":{\"pre-authorized_code\":\"c\"}}}|credential_configuration_ids",
            "ids a string|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":\"A\",\"grants\":{\"G\":{\"pre-authorized_code\":\"c\"}}}|credential_configuration_ids",
            "id a number|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[1],\"grants\":{\"G\":{\"pre-authorized_code\":\"c\"}}}|credential_configuration_ids",
            "id null|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[null],\"grants\":{\"G\":{\"pre-authorized_code\":\"c\"}}}|credential_configuration_ids",
            "no grants|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"]}|grants",
            "authorization code grant without issuer_state|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"authorization_code\":{}}}|issuer_state",
            "both grants|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"authorization_code\":{\"issuer_state\":\"s\"},\"G\":{\"pre-authorized_code\":\"c\"}}}|grants",
            "grant an array|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"G\":[]}}|G",
            "no code|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"G\":{}}}|pre-authorized_code",
            "code a number|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"G\":{\"pre-authorized_code\":1}}}|pre-authorized_code",
            "tx_code a string|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"G\":{\"pre-authorized_code\":\"c\",\"tx_code\":\"1234\"}}}|tx_code",
            "input_mode unknown|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"G\":{\"pre-authorized_code\":\"c\",\"tx_code\":{\"input_mode\":\"emoji\",\"length\":4}}}}|tx_code.input_mode",
            "length a fraction|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"G\":{\"pre-authorized_code\":\"c\",\"tx_code\":{\"input_mode\":\"numeric\",\"length\":6.5}}}}|tx_code.length",
            "length a string|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"G\":{\"pre-authorized_code\":\"c\",\"tx_code\":{\"input_mode\":\"numeric\",\"length\":\"6\"}}}}|tx_code.length",
            "length zero|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"G\":{\"pre-authorized_code\":\"c\",\"tx_code\":{\"input_mode\":\"numeric\",\"length\":0}}}}|tx_code.length",
            "length beyond int|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"G\":{\"pre-authorized_code\":\"c\",\"tx_code\":{\"input_mode\":\"numeric\",\"length\":4294967302}}}}|tx_code.length",
            "description a number|{\"credential_issuer\":\"i\",\"credential_configuration_ids\":[\"A\"],\"grants\":{\"G\":{\"pre-authorized_code\":\"c\",\"tx_code\":{\"input_mode\":\"numeric\",\"length\":6,\"description\":5}}}}|description",
    })
    void parseWhenHostileThenParseExceptionNamingTheMember(String name, String json, String member) {
        assertThatThrownBy(() -> CredentialOffer.parse(JSONObjectUtils.parse(json.replace("\"G\"", "\"" + GRANT + "\""))))
                .isInstanceOf(ParseException.class).hasMessageContaining(member.equals("G") ? GRANT : member);
    }

    @Test
    void toStringWhenGrantPrintedThenCodeNotInIt() {
        assertThat(WITH_TX_CODE.toString()).doesNotContain("c0de").contains("numeric");
    }

    @Test
    void offerUriWhenRenderedThenOfferLocationUrlEncodedAndNotInToString() {
        var uri = new CredentialOfferUri(URI.create("https://issuer.example.com/oidc4vci/offers/R3f-_x"));

        assertThat(uri.toURIString())
                .isEqualTo("openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example.com%2Foidc4vci%2Foffers%2FR3f-_x");
        // whoever holds the location can fetch the pre-authorized code
        assertThat(uri.toString()).doesNotContain("offers").doesNotContain("R3f");
    }
}
