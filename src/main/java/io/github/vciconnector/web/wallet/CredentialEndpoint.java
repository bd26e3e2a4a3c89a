package io.github.vciconnector.web.wallet;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.issuance.CredentialError;
import io.github.vciconnector.issuance.CredentialRequest;
import io.github.vciconnector.issuance.CredentialRequestException;
import io.github.vciconnector.issuance.CredentialService;
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
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The Credential Endpoint (OID4VCI 1.0 §8): a DPoP-protected resource that answers with SD-JWT VCs. */
@RestController
class CredentialEndpoint {

    private static final int MAX_BODY_BYTES = 256 * 1024;

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

    @PostMapping(value = "/oidc4vci/credential", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> credential(HttpServletRequest request) throws java.io.IOException {
        AuthorizedWallet wallet = tokens.authorize(request.getHeader(HttpHeaders.AUTHORIZATION),
                Collections.list(request.getHeaders("DPoP")), "POST", endpoint);
        CredentialRequest credentialRequest = CredentialRequest.parse(body(request));
        List<String> issued = credentials.issue(wallet, credentialRequest);
        var list = new ArrayList<Map<String, Object>>(issued.size());
        for (String credential : issued) list.add(Map.of("credential", credential));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("DPoP-Nonce", dpopNonces.current())
                .body(Map.of("credentials", list));
    }

    private static Map<String, Object> body(HttpServletRequest request) throws java.io.IOException {
        String type = request.getContentType();
        if (type == null || !isJson(type)) {
            // VCI-CRQ-1: unencrypted requests are application/json; encryption is not advertised.
            throw invalid("content type must be application/json");
        }
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) throw invalid("request body is too large");
        try {
            return JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw invalid("request body is not a JSON object");
        }
    }

    private static boolean isJson(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }

    private static CredentialRequestException invalid(String description) {
        return new CredentialRequestException(CredentialError.INVALID_CREDENTIAL_REQUEST, description);
    }
}
