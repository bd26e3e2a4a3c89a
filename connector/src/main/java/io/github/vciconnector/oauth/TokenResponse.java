package io.github.vciconnector.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A successful Token Response (RFC 6749 §5.1, RFC 9449 §5) for a DPoP-bound access token. The fresh DPoP nonce of
 * the response is an HTTP header, attached by the web layer.
 */
public record TokenResponse(String accessToken, long expiresIn, List<Map<String, Object>> authorizationDetails) {

    public static final String ACCESS_TOKEN = "access_token";
    public static final String TOKEN_TYPE = "token_type";
    public static final String EXPIRES_IN = "expires_in";
    /** OID4VCI §6.2: the authorization details the token covers, with {@code credential_identifiers}. */
    public static final String AUTHORIZATION_DETAILS = "authorization_details";
    /** RFC 9449 §5: the token_type of a DPoP-bound access token. */
    public static final String DPOP = "DPoP";

    public TokenResponse {
        if (accessToken == null || accessToken.isEmpty()) throw new IllegalArgumentException("access token is required");
        if (expiresIn <= 0) throw new IllegalArgumentException("expires_in must be positive");
        authorizationDetails = authorizationDetails == null ? null : List.copyOf(authorizationDetails);
    }

    /** A response without authorization details (the pre-authorized code grant, or a request by scope). */
    public TokenResponse(String accessToken, long expiresIn) {
        this(accessToken, expiresIn, null);
    }

    /** The wire object; insertion order is the wire order. */
    public Map<String, Object> toJSONObject() {
        var json = new LinkedHashMap<String, Object>();
        json.put(ACCESS_TOKEN, accessToken);
        json.put(TOKEN_TYPE, DPOP);
        json.put(EXPIRES_IN, expiresIn);
        if (authorizationDetails != null) json.put(AUTHORIZATION_DETAILS, authorizationDetails);
        return json;
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
