package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.issuance.CNonces;
import io.github.vciconnector.issuance.NonceResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Nonce Endpoint (OID4VCI 1.0 §7): unauthenticated, uncacheable, with a DPoP nonce for the credential request (DPOP-10). */
@RestController
class NonceEndpoint {

    private final CNonces cNonces;

    NonceEndpoint(CNonces cNonces) {
        this.cNonces = cNonces;
    }

    @IssuesDPoPNonce
    @PostMapping(value = WalletProtocol.NONCE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> nonce() {
        var response = new NonceResponse(cNonces.issue());
        return WalletJson.ok().body(WalletJson.bytes(response.toJSONObject()));
    }
}
