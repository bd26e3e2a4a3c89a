package io.github.vciconnector.demo;

import java.util.Locale;
import java.util.Map;

/** A successful Token Response (OID4VCI 1.0 §6.2, RFC 6749 §5.1) whose {@code token_type} is {@code DPoP}. */
public record TokenResponse(String accessToken, String tokenType, Long expiresIn, Map<String, Object> json) {

    public TokenResponse {
        if (accessToken == null || accessToken.isEmpty()) {
            throw new WalletException("token response has no access_token");
        }
        // EUDI-10: token_type compared case-insensitively
        if (tokenType == null || !"dpop".equals(tokenType.toLowerCase(Locale.ROOT))) {
            throw new WalletException("token_type is not DPoP");
        }
        json = Json.copy(json);
    }

    public static TokenResponse parse(Map<String, Object> json) {
        Object expiresIn = json.get("expires_in");
        return new TokenResponse(Json.string(json, "access_token", true), Json.string(json, "token_type", true),
                expiresIn instanceof Number n ? n.longValue() : null, json);
    }
}
