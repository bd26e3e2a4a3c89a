package io.github.vciconnector.oauth;

import io.github.vciconnector.metadata.CredentialConfiguration;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.metadata.TypeMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How PAR names the credential (OID4VCI §5.1.1, §5.1.2, RFC 9396): hostile scope and authorization_details, each its error. */
class RequestedCredentialTest {

    private static final String ISSUER = "https://issuer.example";
    private static final CredentialConfigurations CONFIGURATIONS = new CredentialConfigurations(List.of(
            configuration("IdentityCredential", "identity_credential"), configuration("Diploma", "diploma")));

    @Test
    void resolveWhenAuthorizationDetailsThenConfigurationCaseInsensitivelyAndDetailsFlag() {
        var requested = RequestedCredential.resolve(null,
                "[{\"type\":\"openid_credential\",\"credential_configuration_id\":\"identitycredential\",\"claims\":[]}]", CONFIGURATIONS, ISSUER);

        assertThat(requested.configuration().id()).isEqualTo("IdentityCredential");
        assertThat(requested.authorizationDetails()).isTrue();
        assertThat(requested.scope()).isNull();
    }

    @Test
    void resolveWhenScopeAndDetailsNameTheSameConfigurationThenAccepted() {
        var requested = RequestedCredential.resolve("diploma",
                "[{\"type\":\"openid_credential\",\"credential_configuration_id\":\"Diploma\",\"locations\":[\"" + ISSUER + "\"]}]",
                CONFIGURATIONS, ISSUER);

        assertThat(requested.configuration().id()).isEqualTo("Diploma");
        assertThat(requested.scope()).isEqualTo("diploma");
    }

    @Test
    void resolveWhenUnknownScopeBesideAKnownOneThenIgnored() {
        var requested = RequestedCredential.resolve("openid identity_credential offline_access", null, CONFIGURATIONS, ISSUER);

        assertThat(requested.configuration().id()).isEqualTo("IdentityCredential");
        assertThat(requested.scope()).isEqualTo("identity_credential");
        assertThat(requested.authorizationDetails()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nothing named|||invalid_request",
            "only unknown scopes|openid profile||invalid_scope",
            "empty scope value|identity_credential  diploma||invalid_scope",
            "two scopes|identity_credential diploma||invalid_scope",
            "details not JSON||[{|invalid_authorization_details",
            "details an object||{\"type\":\"openid_credential\"}|invalid_authorization_details",
            "details empty||[]|invalid_authorization_details",
            "details of another type||[{\"type\":\"payment\",\"credential_configuration_id\":\"Diploma\"}]|invalid_authorization_details",
            "details without id||[{\"type\":\"openid_credential\"}]|invalid_authorization_details",
            "details with an unknown id||[{\"type\":\"openid_credential\",\"credential_configuration_id\":\"Nope\"}]|invalid_authorization_details",
            "details id a number||[{\"type\":\"openid_credential\",\"credential_configuration_id\":7}]|invalid_authorization_details",
            "details for another issuer||[{\"type\":\"openid_credential\",\"credential_configuration_id\":\"Diploma\",\"locations\":[\"https://other\"]}]|invalid_authorization_details",
            "details naming two||[{\"type\":\"openid_credential\",\"credential_configuration_id\":\"Diploma\"},{\"type\":\"openid_credential\",\"credential_configuration_id\":\"IdentityCredential\"}]|invalid_authorization_details",
            "scope and details disagree|diploma|[{\"type\":\"openid_credential\",\"credential_configuration_id\":\"IdentityCredential\"}]|invalid_authorization_details",
    })
    void resolveWhenHostileThenPreciseError(String name, String scope, String details, String error) {
        assertThatThrownBy(() -> RequestedCredential.resolve(scope, details, CONFIGURATIONS, ISSUER))
                .isInstanceOfSatisfying(TokenRequestException.class, e -> assertThat(e.error().code()).isEqualTo(error));
    }

    private static CredentialConfiguration configuration(String id, String scope) {
        String typeMetadata = "{\"vct\":\"urn:" + id + "\",\"claims\":[{\"path\":[\"given_name\"]}]}";
        return new CredentialConfiguration(id, scope, TypeMetadata.parse(typeMetadata.getBytes(StandardCharsets.UTF_8)), Duration.ofDays(30));
    }
}
