package io.github.vciconnector.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An immediate Credential Response (OID4VCI 1.0 §8.3, VCI-CRS-1): credential strings in key order. */
public record CredentialResponse(List<String> credentials, String notificationId, Map<String, Object> json) {

    public CredentialResponse {
        if (credentials == null || credentials.isEmpty()) {
            throw new WalletException("credential response has no credentials");
        }
        credentials = List.copyOf(credentials);
        json = Json.copy(json);
    }

    /** Reads {@code {"credentials":[{"credential":"..."}], "notification_id"?}}; deferred issuance is refused. */
    public static CredentialResponse parse(Map<String, Object> json) {
        if (json.containsKey("transaction_id")) {
            throw new WalletException("deferred issuance is not supported by this wallet");
        }
        if (!(json.get("credentials") instanceof List<?> entries)) {
            throw new WalletException("credential response has no credentials array");
        }
        List<String> credentials = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> object) || !(object.get("credential") instanceof String credential)) {
                throw new WalletException("credentials entry has no credential string");
            }
            credentials.add(credential);
        }
        return new CredentialResponse(credentials, Json.string(json, "notification_id", false), json);
    }
}
