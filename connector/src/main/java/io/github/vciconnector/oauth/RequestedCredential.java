package io.github.vciconnector.oauth;

import com.nimbusds.jose.util.JSONArrayUtils;
import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.metadata.CredentialConfiguration;
import io.github.vciconnector.metadata.CredentialConfigurations;

import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one credential configuration a wallet asks for in an authorization request (OID4VCI §5.1): by
 * {@code authorization_details} of type {@code openid_credential} (§5.1.1, RFC 9396) and/or by {@code scope}
 * (§5.1.2, unknown scope values ignored). Both may be sent; together they must name exactly one configuration, since
 * an offer of this connector carries one.
 *
 * @param authorizationDetails true when the wallet used {@code authorization_details} (the token response then
 *                             returns them with {@code credential_identifiers}, §6.2)
 */
record RequestedCredential(CredentialConfiguration configuration, String scope, boolean authorizationDetails) {

    private static final int MAX_DETAILS = 16;

    /** Throws {@code invalid_request}, {@code invalid_scope} or {@code invalid_authorization_details}. */
    static RequestedCredential resolve(String scope, String authorizationDetails, CredentialConfigurations configurations,
                                       String credentialIssuer) {
        Set<CredentialConfiguration> named = new LinkedHashSet<>();
        if (authorizationDetails != null) named.addAll(fromDetails(authorizationDetails, configurations, credentialIssuer));
        String matchedScope = null;
        if (scope != null) {
            for (String value : scope.split(" ", -1)) {
                // RFC 6749 §3.3: scope-token *( SP scope-token ), so an empty token is malformed
                if (value.isEmpty()) throw new TokenRequestException(TokenError.INVALID_SCOPE, "scope has an empty value");
                // OID4VCI §5.1.2 (AZ-4): unknown scope values are ignored (openid, say)
                var configuration = configurations.all().stream().filter(c -> c.scope().equals(value)).findFirst();
                if (configuration.isEmpty()) continue;
                named.add(configuration.get());
                matchedScope = value;
            }
        }
        if (named.isEmpty()) {
            if (scope != null) throw new TokenRequestException(TokenError.INVALID_SCOPE, "scope names no credential configuration of this issuer");
            throw new TokenRequestException(TokenError.INVALID_REQUEST, "scope or authorization_details must name a credential configuration");
        }
        if (named.size() > 1) {
            throw new TokenRequestException(authorizationDetails != null ? TokenError.INVALID_AUTHORIZATION_DETAILS : TokenError.INVALID_SCOPE,
                    "one credential configuration per authorization request is supported");
        }
        return new RequestedCredential(named.iterator().next(), matchedScope, authorizationDetails != null);
    }

    private static List<CredentialConfiguration> fromDetails(String json, CredentialConfigurations configurations, String issuer) {
        List<Object> details;
        try {
            details = JSONArrayUtils.parse(json);
        } catch (ParseException e) {
            throw invalidDetails("authorization_details must be a JSON array");
        }
        if (details.isEmpty() || details.size() > MAX_DETAILS) throw invalidDetails("authorization_details must hold 1 to " + MAX_DETAILS + " objects");
        return details.stream().map(detail -> fromDetail(detail, configurations, issuer)).toList();
    }

    private static CredentialConfiguration fromDetail(Object detail, CredentialConfigurations configurations, String issuer) {
        if (!(detail instanceof Map<?, ?> object)) throw invalidDetails("authorization_details must hold objects");
        if (!WalletProtocol.OPENID_CREDENTIAL.equals(object.get("type"))) {
            throw invalidDetails("authorization_details type must be " + WalletProtocol.OPENID_CREDENTIAL);
        }
        // §5.1.1: locations, when sent, name the Credential Issuer the details are meant for
        Object locations = object.get("locations");
        if (locations != null && !(locations instanceof List<?> list && list.contains(issuer))) {
            throw invalidDetails("authorization_details locations must name this credential issuer");
        }
        if (!(object.get("credential_configuration_id") instanceof String id)) {
            throw invalidDetails("authorization_details needs a credential_configuration_id");
        }
        return configurations.find(id).orElseThrow(() -> invalidDetails("credential_configuration_id is unknown"));
    }

    private static TokenRequestException invalidDetails(String description) {
        return new TokenRequestException(TokenError.INVALID_AUTHORIZATION_DETAILS, description);
    }
}
