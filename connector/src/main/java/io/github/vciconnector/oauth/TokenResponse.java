package io.github.vciconnector.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A successful Token Response (RFC 6749 §5.1, RFC 9449 §5) for a DPoP-bound access token. The fresh DPoP nonce of
 * the response is an HTTP header, attached by the web layer.
 */
public record TokenResponse(String accessToken, long expiresIn) {

    public static final String ACCESS_TOKEN = "access_token";
    public static final String TOKEN_TYPE = "token_type";
    public static final String EXPIRES_IN = "expires_in";
    /** RFC 9449 §5: the token_type of a DPoP-bound access token. */
    public static final String DPOP = "DPoP";

    public TokenResponse {
        if (accessToken == null || accessToken.isEmpty()) throw new IllegalArgumentException("access token is required");
        if (expiresIn <= 0) throw new IllegalArgumentException("expires_in must be positive");
    }

    /** The wire object; insertion order is the wire order. */
    public Map<String, Object> toJSONObject() {
        var json = new LinkedHashMap<String, Object>();
        json.put(ACCESS_TOKEN, accessToken);
        json.put(TOKEN_TYPE, DPOP);
        json.put(EXPIRES_IN, expiresIn);
        return json;
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
