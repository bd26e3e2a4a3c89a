package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.issuance.CredentialError;
import io.github.vciconnector.issuance.CredentialRequest;
import io.github.vciconnector.issuance.CredentialRequestException;
import io.github.vciconnector.issuance.CredentialResponse;
import io.github.vciconnector.issuance.CredentialService;
import io.github.vciconnector.oauth.AuthorizedWallet;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The Credential Endpoint (OID4VCI 1.0 §8): a DPoP-protected resource ({@link AuthorizedWalletResolver} checks the
 * token before the body is read) that answers with SD-JWT VCs.
 */
@RestController
class CredentialEndpoint {

    private final CredentialService credentials;

    CredentialEndpoint(CredentialService credentials) {
        this.credentials = credentials;
    }

    @IssuesDPoPNonce
    @PostMapping(value = WalletProtocol.CREDENTIAL_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> credential(AuthorizedWallet wallet, HttpServletRequest request) throws IOException {
        // VCI-CRQ-1: unencrypted requests are application/json; encryption is not advertised.
        CredentialRequest credentialRequest = CredentialRequest.parse(JsonBody.read(request,
                reason -> new CredentialRequestException(CredentialError.INVALID_CREDENTIAL_REQUEST, reason)));
        CredentialResponse response = credentials.issue(wallet, credentialRequest);
        return WalletJson.ok().body(WalletJson.bytes(response.toJSONObject()));
    }
}
