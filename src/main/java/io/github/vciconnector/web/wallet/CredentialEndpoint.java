package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.issuance.CredentialError;
import io.github.vciconnector.issuance.CredentialRequest;
import io.github.vciconnector.issuance.CredentialRequestException;
import io.github.vciconnector.issuance.CredentialService;
import io.github.vciconnector.issuance.IssuedCredentials;
import io.github.vciconnector.metadata.IssuerMetadata;
import io.github.vciconnector.oauth.AccessTokenVerifier;
import io.github.vciconnector.oauth.AuthorizedWallet;
import io.github.vciconnector.oauth.dpop.DPoPNonces;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;

/** The Credential Endpoint (OID4VCI 1.0 §8): a DPoP-protected resource that answers with SD-JWT VCs. */
@RestController
class CredentialEndpoint {

    private final AccessTokenVerifier tokens;
    private final CredentialService credentials;
    private final DPoPNonces dpopNonces;
    private final URI endpoint;

    CredentialEndpoint(AccessTokenVerifier tokens, CredentialService credentials, DPoPNonces dpopNonces, ConnectorProperties connector) {
        this.tokens = tokens;
        this.credentials = credentials;
        this.dpopNonces = dpopNonces;
        this.endpoint = connector.endpoint(IssuerMetadata.CREDENTIAL_PATH);
    }

    @PostMapping(value = IssuerMetadata.CREDENTIAL_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> credential(HttpServletRequest request) throws java.io.IOException {
        AuthorizedWallet wallet = tokens.authorize(request.getHeader(HttpHeaders.AUTHORIZATION),
                Collections.list(request.getHeaders("DPoP")), "POST", endpoint);
        CredentialRequest credentialRequest = CredentialRequest.parse(body(request));
        IssuedCredentials issued = credentials.issue(wallet, credentialRequest);
        var list = new ArrayList<Map<String, Object>>(issued.credentials().size());
        for (String credential : issued.credentials()) list.add(Map.of("credential", credential));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("DPoP-Nonce", dpopNonces.current())
                .body(Map.of("credentials", list, "notification_id", issued.notificationId()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpServletRequest request) throws java.io.IOException {
        Map<String, Object>[] body = new Map[1];
        // VCI-CRQ-1: unencrypted requests are application/json; encryption is not advertised.
        JsonBodies.read(request, body).ifPresent(reason -> {
            throw invalid(reason);
        });
        return body[0];
    }

    private static CredentialRequestException invalid(String description) {
        return new CredentialRequestException(CredentialError.INVALID_CREDENTIAL_REQUEST, description);
    }
}
