package io.github.vciconnector.demo;

import com.nimbusds.jose.jwk.ECKey;

import java.util.List;
import java.util.Map;

/**
 * Everything a completed pre-authorized code flow produced: credentials and their holder keys in the same order
 * (EUDI-6 matches them positionally), the DPoP-bound access token and key (for notifications or further requests),
 * and the raw parsed responses for assertions.
 */
public record IssuanceResult(List<String> credentials, List<ECKey> holderKeys, String accessToken, ECKey dpopKey,
                             String notificationId, Map<String, Object> tokenResponse,
                             Map<String, Object> credentialResponse, CredentialOffer offer, IssuerMetadata metadata) {

    public IssuanceResult {
        credentials = List.copyOf(credentials);
        holderKeys = List.copyOf(holderKeys);
        tokenResponse = Json.copy(tokenResponse);
        credentialResponse = Json.copy(credentialResponse);
    }

    @Override
    public String toString() {
        // the access token and private keys stay out of logs
        return "IssuanceResult[credentials=" + credentials.size() + ", notificationId=" + notificationId + "]";
    }
}
