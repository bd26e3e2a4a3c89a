package io.github.vciconnector.oauth;

import java.util.List;
import java.util.Map;

/**
 * A Pushed Authorization Request as received (RFC 9126 §2.1): the authorization request's parameters as a form, the
 * DPoP proof (RFC 9449 §10) and the wallet attestation headers. The state and PKCE challenge are the wallet's, so
 * {@link #toString()} names none of them.
 *
 * @param form    form parameters, first value of each (the endpoint refuses repeated ones)
 * @param dpop    every {@code DPoP} header value
 * @param headers the wallet attestation headers, lower-case names
 */
public record PushedAuthorizationRequest(Map<String, String> form, List<String> dpop, Map<String, List<String>> headers) {

    public static final String RESPONSE_TYPE = "response_type";
    public static final String CLIENT_ID = "client_id";
    public static final String REDIRECT_URI = "redirect_uri";
    public static final String STATE = "state";
    public static final String SCOPE = "scope";
    public static final String CODE_CHALLENGE = "code_challenge";
    public static final String CODE_CHALLENGE_METHOD = "code_challenge_method";
    public static final String AUTHORIZATION_DETAILS = "authorization_details";
    public static final String ISSUER_STATE = "issuer_state";
    public static final String DPOP_JKT = "dpop_jkt";
    public static final String REQUEST_URI = "request_uri";
    public static final String REQUEST = "request";

    public PushedAuthorizationRequest {
        form = Map.copyOf(form);
        dpop = List.copyOf(dpop);
        headers = Map.copyOf(headers);
    }

    public String param(String name) {
        return form.get(name);
    }

    @Override
    public String toString() {
        return "PushedAuthorizationRequest[client_id=" + form.get(CLIENT_ID) + "]";
    }
}
