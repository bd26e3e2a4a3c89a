package io.github.vciconnector.web.wallet;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes successful wallet responses: the message's {@code toJSONObject()} serialised by Nimbus
 * {@code JSONObjectUtils} (one JSON stack for everything the wallet sends and receives), as UTF-8 bytes, so no
 * Spring converter re-encodes them. Protocol responses are never cached (RFC 6749 §5.1, OID4VCI 1.0 §7.2, §8.3).
 */
final class WalletJson {

    private WalletJson() {
    }

    /** A 200 with {@code Cache-Control: no-store} and {@code application/json}, body still to be set with {@link #bytes}. */
    static ResponseEntity.BodyBuilder ok() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON);
    }

    static byte[] bytes(Map<String, Object> message) {
        return JSONObjectUtils.toJSONString(message).getBytes(StandardCharsets.UTF_8);
    }
}
