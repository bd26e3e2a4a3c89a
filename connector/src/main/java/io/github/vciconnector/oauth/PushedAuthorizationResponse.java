package io.github.vciconnector.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

/** The 201 answer of the PAR endpoint (RFC 9126 §2.2): the single-use {@code request_uri} and its lifetime. */
public record PushedAuthorizationResponse(String requestUri, long expiresIn) {

    /** RFC 9126 §2.2: the URN prefix of a request_uri. */
    public static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

    public PushedAuthorizationResponse {
        if (requestUri == null || !requestUri.startsWith(REQUEST_URI_PREFIX)) throw new IllegalArgumentException("request_uri must be a " + REQUEST_URI_PREFIX + " URN");
        if (expiresIn <= 0) throw new IllegalArgumentException("expires_in must be positive");
    }

    public Map<String, Object> toJSONObject() {
        var json = new LinkedHashMap<String, Object>();
        json.put("request_uri", requestUri);
        json.put("expires_in", expiresIn);
        return json;
    }
}
