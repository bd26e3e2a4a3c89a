package io.github.vciconnector.oauth.clientauth;

import java.util.List;
import java.util.Map;

/**
 * Client authentication at the token endpoint (HAIP §4.4.1: wallet attestation). Throws
 * {@link ClientAuthenticationException} when it fails; the token endpoint answers that as {@code invalid_client}.
 */
public interface ClientAuthentication {

    /**
     * Checks the request's client authentication with reads only (M-2: nothing is stored for a request that is
     * refused). The caller consumes the returned proof once the whole request has passed its read-only checks.
     *
     * @param headers  the request's headers this check reads, by name (case-insensitive lookups are the caller's)
     * @param clientId the {@code client_id} form parameter, or null when the request has none
     */
    SingleUseProof authenticate(Map<String, List<String>> headers, String clientId);
}
