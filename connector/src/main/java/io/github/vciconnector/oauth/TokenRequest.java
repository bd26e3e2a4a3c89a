package io.github.vciconnector.oauth;

import java.util.List;
import java.util.Map;

/**
 * A Token Request as received (RFC 6749 §4.1.3, OID4VCI 1.0 §6.1): form parameters and the headers that carry
 * proofs. The pre-authorized code and Transaction Code are secrets, so {@link #toString()} hides them. The grant
 * checks the parameters in its own order (M-2), so this type only names them.
 *
 * @param form form parameters, first value of each
 * @param dpop every {@code DPoP} header value (RFC 9449 §4.3 wants exactly one)
 * @param headers other request headers of interest (wallet attestation), lower-case names
 */
public record TokenRequest(Map<String, String> form, List<String> dpop, Map<String, List<String>> headers) {

    public static final String GRANT_TYPE = "grant_type";
    public static final String PRE_AUTHORIZED_CODE = "pre-authorized_code";
    public static final String TX_CODE = "tx_code";
    /** RFC 9449 §4.1: the request header that carries the DPoP proof. */
    public static final String DPOP_HEADER = "DPoP";

    public TokenRequest {
        form = Map.copyOf(form);
        dpop = List.copyOf(dpop);
        headers = Map.copyOf(headers);
    }

    public String param(String name) {
        return form.get(name);
    }

    public String grantType() {
        return form.get(GRANT_TYPE);
    }

    public String preAuthorizedCode() {
        return form.get(PRE_AUTHORIZED_CODE);
    }

    public String txCode() {
        return form.get(TX_CODE);
    }

    @Override
    public String toString() {
        return "TokenRequest[grant_type=" + form.get(GRANT_TYPE) + "]";
    }
}
