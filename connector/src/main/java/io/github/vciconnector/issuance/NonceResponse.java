package io.github.vciconnector.issuance;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Nonce Response (OID4VCI 1.0 §7.2): one fresh {@code c_nonce} from {@link CNonces#issue()}. */
public record NonceResponse(String cNonce) {

    public static final String C_NONCE = "c_nonce";

    public NonceResponse {
        if (cNonce == null || cNonce.isEmpty()) throw new IllegalArgumentException("c_nonce is required");
    }

    /** The wire object; insertion order is the wire order. */
    public Map<String, Object> toJSONObject() {
        var json = new LinkedHashMap<String, Object>();
        json.put(C_NONCE, cNonce);
        return json;
    }
}
