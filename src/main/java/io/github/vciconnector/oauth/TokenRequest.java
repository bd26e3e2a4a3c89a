package io.github.vciconnector.oauth;

import java.util.List;
import java.util.Map;

/**
 * A Token Request as received: form parameters and the headers that carry proofs. The pre-authorized code and
 * Transaction Code are secrets, so {@link #toString()} hides them.
 *
 * @param form form parameters, first value of each
 * @param dpop every {@code DPoP} header value (RFC 9449 §4.3 wants exactly one)
 * @param headers other request headers of interest (wallet attestation), lower-case names
 */
public record TokenRequest(Map<String, String> form, List<String> dpop, Map<String, List<String>> headers) {

    public TokenRequest {
        form = Map.copyOf(form);
        dpop = List.copyOf(dpop);
        headers = Map.copyOf(headers);
    }

    public String param(String name) {
        return form.get(name);
    }

    @Override
    public String toString() {
        return "TokenRequest[grant_type=" + form.get("grant_type") + "]";
    }
}
