package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.oauth.PushedAuthorizationRequest;
import io.github.vciconnector.oauth.PushedAuthorizationRequests;
import io.github.vciconnector.oauth.PushedAuthorizationResponse;
import io.github.vciconnector.oauth.TokenError;
import io.github.vciconnector.oauth.TokenRequest;
import io.github.vciconnector.oauth.TokenRequestException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collections;

/**
 * The Pushed Authorization Request endpoint (RFC 9126 §2): a form like the token endpoint's, the same DPoP and
 * wallet attestation headers, 201 with the {@code request_uri}. Errors are the token endpoint's 400 JSON (§2.3).
 */
@RestController
class PushedAuthorizationRequestEndpoint {

    private final PushedAuthorizationRequests requests;

    PushedAuthorizationRequestEndpoint(PushedAuthorizationRequests requests) {
        this.requests = requests;
    }

    @IssuesDPoPNonce
    @PostMapping(value = WalletProtocol.PAR_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> push(HttpServletRequest request) {
        if (!TokenEndpoint.isForm(request.getContentType())) {
            throw new TokenRequestException(TokenError.INVALID_REQUEST, "content type must be application/x-www-form-urlencoded");
        }
        if (request.getQueryString() != null) {
            throw new TokenRequestException(TokenError.INVALID_REQUEST, "authorization request parameters belong in the body");
        }
        PushedAuthorizationResponse response = requests.push(new PushedAuthorizationRequest(TokenEndpoint.form(request),
                Collections.list(request.getHeaders(TokenRequest.DPOP_HEADER)), TokenEndpoint.attestationHeaders(request)));
        // RFC 9126 §2.2: 201 Created; the request_uri is a single-use credential, so nothing may cache it
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(WalletJson.bytes(response.toJSONObject()));
    }
}
