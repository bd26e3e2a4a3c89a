package io.github.vciconnector.demo;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialOfferUriTest {

    private static final String OFFER_URL = "https://issuer.example.com/oidc4vci/offers/a1b2?x=1&y=%20";

    @Test
    void parseWhenOfferByReferenceThenDecodesTheUri() {
        CredentialOfferUri link = CredentialOfferUri.parse(
                "openid-credential-offer://?credential_offer_uri=" + encode(OFFER_URL));

        assertThat(link.offerUri()).isEqualTo(URI.create(OFFER_URL));
        assertThat(link.offerJson()).isNull();
    }

    @Test
    void parseWhenHaipSchemeThenAccepted() {
        assertThat(CredentialOfferUri.parse("haip-vci://?credential_offer_uri=" + encode(OFFER_URL)).offerUri())
                .isEqualTo(URI.create(OFFER_URL));
    }

    @Test
    void parseWhenOfferByValueThenKeepsTheJson() {
        String json = "{\"credential_issuer\":\"https://i.example\"}";

        CredentialOfferUri link = CredentialOfferUri.parse("openid-credential-offer://?credential_offer=" + encode(json));

        assertThat(link.offerJson()).isEqualTo(json);
        assertThat(link.offerUri()).isNull();
    }

    @Test
    void parseWhenBothParametersThenRejected() {
        assertThatThrownBy(() -> CredentialOfferUri.parse("openid-credential-offer://?credential_offer=%7B%7D"
                + "&credential_offer_uri=" + encode(OFFER_URL)))
                .isInstanceOf(WalletException.class).hasMessageContaining("exactly one");
    }

    @Test
    void parseWhenNeitherParameterThenRejected() {
        assertThatThrownBy(() -> CredentialOfferUri.parse("openid-credential-offer://?foo=bar"))
                .hasMessageContaining("exactly one");
    }

    @Test
    void parseWhenUnknownSchemeThenRejected() {
        assertThatThrownBy(() -> CredentialOfferUri.parse("mailto:?credential_offer_uri=" + encode(OFFER_URL)))
                .hasMessageContaining("unsupported offer scheme");
    }

    @Test
    void parseWhenOfferUriIsNotHttpThenRejected() {
        assertThatThrownBy(() -> CredentialOfferUri.parse("openid-credential-offer://?credential_offer_uri="
                + encode("file:///etc/passwd"))).hasMessageContaining("http(s) URL");
    }

    @Test
    void parseOfferWhenPreAuthorizedGrantWithTxCodeThenTxCodeRequired() throws Exception {
        CredentialOffer offer = CredentialOffer.parse(JSONObjectUtils.parse("""
                {"credential_issuer":"https://i.example/t","credential_configuration_ids":["pid","mdl"],
                 "grants":{"urn:ietf:params:oauth:grant-type:pre-authorized_code":
                   {"pre-authorized_code":"code-1","tx_code":{"input_mode":"numeric","length":6}}}}"""));

        assertThat(offer.credentialIssuer()).isEqualTo("https://i.example/t");
        assertThat(offer.credentialConfigurationIds()).isEqualTo(List.of("pid", "mdl"));
        assertThat(offer.firstConfigurationId()).isEqualTo("pid");
        assertThat(offer.preAuthorizedCode()).isEqualTo("code-1");
        assertThat(offer.txCodeRequired()).isTrue();
    }

    @Test
    void parseOfferWhenEmptyTxCodeObjectThenTxCodeStillRequired() {
        CredentialOffer offer = CredentialOffer.parse(offer(Map.of("pre-authorized_code", "c", "tx_code", Map.of())));

        assertThat(offer.txCodeRequired()).isTrue();
    }

    @Test
    void parseOfferWhenNoTxCodeThenNotRequired() {
        assertThat(CredentialOffer.parse(offer(Map.of("pre-authorized_code", "c"))).txCodeRequired()).isFalse();
    }

    @Test
    void parseOfferWhenOnlyAuthorizationCodeGrantThenIssuerStateKept() {
        Map<String, Object> json = Map.of("credential_issuer", "https://i", "credential_configuration_ids",
                List.of("pid"), "grants", Map.of("authorization_code", Map.of("issuer_state", "s1")));

        CredentialOffer offer = CredentialOffer.parse(json);

        assertThat(offer.authorizationCodeGrant()).isTrue();
        assertThat(offer.issuerState()).isEqualTo("s1");
        assertThat(offer.preAuthorizedCode()).isNull();
    }

    @Test
    void parseOfferWhenNoGrantThenRejected() {
        Map<String, Object> json = Map.of("credential_issuer", "https://i", "credential_configuration_ids",
                List.of("pid"), "grants", Map.of());

        assertThatThrownBy(() -> CredentialOffer.parse(json)).hasMessageContaining("no pre-authorized_code grant");
    }

    @Test
    void parseOfferWhenTxCodeDescriptionTooLongThenRejected() {
        Map<String, Object> grant = Map.of("pre-authorized_code", "c", "tx_code", Map.of("description", "x".repeat(301)));

        assertThatThrownBy(() -> CredentialOffer.parse(offer(grant))).hasMessageContaining("300");
    }

    private static Map<String, Object> offer(Map<String, Object> grant) {
        return Map.of("credential_issuer", "https://i", "credential_configuration_ids", List.of("pid"),
                "grants", Map.of(CredentialOffer.PRE_AUTHORIZED_CODE_GRANT, grant));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
