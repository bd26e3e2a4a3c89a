package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.oauth.AuthorizationRequests;
import io.github.vciconnector.oauth.TokenError;
import io.github.vciconnector.oauth.TokenRequestException;
import io.github.vciconnector.web.ErrorText;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The authorization endpoint (RFC 6749 §3.1, RFC 9126 §4): the browser arrives with {@code client_id} and a pushed
 * {@code request_uri}, nothing else, and is sent on (303) to the backend's login page. Any refusal is a page for
 * the person, never a redirect: until the request_uri is checked there is no registered redirect URI to trust
 * (RFC 6749 §4.1.2.1), so nothing here can become an open redirect.
 */
@RestController
class AuthorizationEndpoint {

    private static final Set<String> PARAMETERS = Set.of("client_id", "request_uri");

    private final AuthorizationRequests requests;

    AuthorizationEndpoint(AuthorizationRequests requests) {
        this.requests = requests;
    }

    @GetMapping(WalletProtocol.AUTHORIZE_PATH)
    ResponseEntity<byte[]> authorize(HttpServletRequest request) {
        try {
            Map<String, String[]> parameters = request.getParameterMap();
            for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
                // RFC 9126 §4: the pushed request holds every parameter; one sent here as well is refused, not merged
                if (!PARAMETERS.contains(parameter.getKey())) {
                    throw new TokenRequestException(TokenError.INVALID_REQUEST, "only client_id and request_uri may be sent, the rest is pushed (PAR)");
                }
                if (parameter.getValue().length != 1) throw new TokenRequestException(TokenError.INVALID_REQUEST, "parameters must not repeat");
            }
            if (request.getParameter("request_uri") == null) {
                throw new TokenRequestException(TokenError.INVALID_REQUEST, "request_uri is required: push the request to the PAR endpoint first");
            }
            URI login = requests.authorize(request.getParameter("client_id"), request.getParameter("request_uri"));
            return ResponseEntity.status(HttpStatus.SEE_OTHER).cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.LOCATION, login.toString()).build();
        } catch (TokenRequestException e) {
            return page(e.error().code(), e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Tomcat refuses a malformed query here; its message could echo it
            return page(TokenError.INVALID_REQUEST.code(), "the query string is malformed");
        }
    }

    /** A short page for the person in the browser, with the OAuth error code (RFC 6749 §4.1.2.1) and no echo of input. */
    private static ResponseEntity<byte[]> page(String error, String description) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Authorization failed</title></head>"
                + "<body><h1>Authorization failed</h1><p>error: " + HtmlUtils.htmlEscape(error) + "</p><p>"
                + HtmlUtils.htmlEscape(ErrorText.safe(description)) + "</p><p>Start again from your wallet.</p></body></html>";
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'").header("X-Frame-Options", "DENY")
                .body(html.getBytes(StandardCharsets.UTF_8));
    }
}
