package io.github.vciconnector.oauth;

import io.github.vciconnector.oauth.clientauth.ClientAuthentication;
import io.github.vciconnector.oauth.clientauth.ClientAuthenticationException;
import io.github.vciconnector.oauth.clientauth.SingleUseProof;
import io.github.vciconnector.oauth.dpop.DPoPError;
import io.github.vciconnector.oauth.dpop.DPoPProof;
import io.github.vciconnector.oauth.dpop.DPoPProofException;
import io.github.vciconnector.oauth.dpop.DPoPProofVerifier;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The DPoP proof and the wallet attestation of a form request to the AS (PAR and the authorization code grant), as
 * the pre-authorized grant checks them: read-only checks first, the single-use writes last (M-2), each failure as
 * its token-endpoint error ({@code invalid_dpop_proof}, {@code use_dpop_nonce}, {@code invalid_client}).
 */
final class RequestProofs {

    private RequestProofs() {
    }

    static DPoPProof checkDPoP(DPoPProofVerifier dpop, List<String> headers, URI endpoint) {
        try {
            return dpop.check(headers, "POST", endpoint, null);
        } catch (DPoPProofException e) {
            throw tokenError(e);
        }
    }

    static SingleUseProof authenticate(ClientAuthentication clientAuthentication, Map<String, List<String>> headers, String clientId) {
        try {
            return clientAuthentication.authenticate(headers, clientId);
        } catch (ClientAuthenticationException e) {
            throw new TokenRequestException(TokenError.INVALID_CLIENT, e.getMessage(), e);
        }
    }

    /** The writes: the DPoP jti, then the attestation PoP's; a replay of either refuses the request. */
    static void consume(DPoPProofVerifier dpop, DPoPProof proof, SingleUseProof attestation) {
        try {
            if (proof != null) dpop.consume(proof);
        } catch (DPoPProofException e) {
            throw tokenError(e);
        }
        try {
            attestation.consume();
        } catch (ClientAuthenticationException e) {
            throw new TokenRequestException(TokenError.INVALID_CLIENT, e.getMessage(), e);
        }
    }

    private static TokenRequestException tokenError(DPoPProofException e) {
        return new TokenRequestException(e.error() == DPoPError.USE_DPOP_NONCE
                ? TokenError.USE_DPOP_NONCE : TokenError.INVALID_DPOP_PROOF, e.getMessage(), e);
    }
}
