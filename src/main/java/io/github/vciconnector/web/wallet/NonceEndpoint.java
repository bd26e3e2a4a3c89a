package io.github.vciconnector.web.wallet;

import io.github.vciconnector.metadata.IssuerMetadata;
import io.github.vciconnector.issuance.CNonces;
import io.github.vciconnector.oauth.dpop.DPoPNonces;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The Nonce Endpoint (OID4VCI 1.0 §7): unauthenticated, uncacheable, with a DPoP nonce for the credential request (DPOP-10). */
@RestController
class NonceEndpoint {

    private final CNonces cNonces;
    private final DPoPNonces dpopNonces;

    NonceEndpoint(CNonces cNonces, DPoPNonces dpopNonces) {
        this.cNonces = cNonces;
        this.dpopNonces = dpopNonces;
    }

    @PostMapping(value = IssuerMetadata.NONCE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> nonce() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("DPoP-Nonce", dpopNonces.current())
                .body(Map.of("c_nonce", cNonces.issue()));
    }
}
