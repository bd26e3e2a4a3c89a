package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.oauth.AuthorizationCodeGrant;
import io.github.vciconnector.oauth.PreAuthorizedCodeGrant;
import io.github.vciconnector.oauth.TokenError;
import io.github.vciconnector.oauth.TokenRequest;
import io.github.vciconnector.oauth.TokenRequestException;
import io.github.vciconnector.oauth.TokenResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Token Endpoint (OID4VCI 1.0 §6, RFC 6749 §3.2): form in, DPoP-bound access token out. */
@RestController
class TokenEndpoint {

    static final List<String> ATTESTATION_HEADERS = List.of("oauth-client-attestation", "oauth-client-attestation-pop");

    private final PreAuthorizedCodeGrant grant;
    private final AuthorizationCodeGrant authorizationCodeGrant;

    TokenEndpoint(PreAuthorizedCodeGrant grant, AuthorizationCodeGrant authorizationCodeGrant) {
        this.grant = grant;
        this.authorizationCodeGrant = authorizationCodeGrant;
    }

    @IssuesDPoPNonce
    @PostMapping(value = WalletProtocol.TOKEN_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> token(HttpServletRequest request) {
        if (!isForm(request.getContentType())) {
            // RFC 6749 §3.2: the token request is a form; anything else is invalid_request, answered 400 (VCI-TOK-12).
            throw new TokenRequestException(TokenError.INVALID_REQUEST, "content type must be application/x-www-form-urlencoded");
        }
        if (request.getQueryString() != null) {
            throw new TokenRequestException(TokenError.INVALID_REQUEST, "token request parameters belong in the body");
        }
        var tokenRequest = new TokenRequest(form(request), Collections.list(request.getHeaders(TokenRequest.DPOP_HEADER)),
                attestationHeaders(request));
        // DESIGN §10: the authorization code grant has its own logic; every other grant type goes where it always went
        TokenResponse response = WalletProtocol.AUTHORIZATION_CODE_GRANT.equals(tokenRequest.grantType())
                ? authorizationCodeGrant.exchange(tokenRequest) : grant.exchange(tokenRequest);
        // VCI-TOK-6: RFC 6749 §5.1 requires no-store on token responses.
        return WalletJson.ok().header("Pragma", "no-cache")
                .body(WalletJson.bytes(response.toJSONObject()));
    }

    /** The form parameters, each at most once (RFC 6749 §3.2); also read by the PAR endpoint. */
    static Map<String, String> form(HttpServletRequest request) {
        var form = new HashMap<String, String>();
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            // Tomcat refuses malformed percent-encoding here; its message would echo the parameter, so it is dropped.
            throw new TokenRequestException(TokenError.INVALID_REQUEST, "form body is not valid application/x-www-form-urlencoded");
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            // RFC 6749 §3.2: parameters must not be included more than once.
            if (parameter.getValue().length != 1) {
                throw new TokenRequestException(TokenError.INVALID_REQUEST, "parameter " + safe(parameter.getKey()) + " is repeated");
            }
            form.put(parameter.getKey(), parameter.getValue()[0]);
        }
        return form;
    }

    static Map<String, List<String>> attestationHeaders(HttpServletRequest request) {
        var headers = new HashMap<String, List<String>>();
        for (String name : ATTESTATION_HEADERS) {
            List<String> values = Collections.list(request.getHeaders(name));
            if (!values.isEmpty()) headers.put(name.toLowerCase(Locale.ROOT), values);
        }
        return headers;
    }

    static boolean isForm(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }

    private static String safe(String name) {
        return name.matches("[A-Za-z0-9_.-]{1,64}") ? name : "(unnamed)";
    }
}
