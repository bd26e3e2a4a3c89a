package io.github.vciconnector.issuance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Credential Response (OID4VCI 1.0 §8.3): the credentials of one request, in key order (EUDI-6), and the
 * notification id that covers them (VCI-CRS-3), the same for every response on one offer's token, so a
 * notification about any of them is understood.
 */
public record CredentialResponse(List<String> credentials, String notificationId) {

    public static final String CREDENTIALS = "credentials";
    public static final String CREDENTIAL = "credential";
    public static final String NOTIFICATION_ID = "notification_id";

    public CredentialResponse {
        credentials = List.copyOf(credentials);
        if (credentials.isEmpty()) throw new IllegalArgumentException("a response carries at least one credential");
        if (notificationId == null) throw new IllegalArgumentException("notification_id is required");
    }

    /** The wire object; insertion order is the wire order. */
    public Map<String, Object> toJSONObject() {
        var list = new ArrayList<Map<String, Object>>(credentials.size());
        for (String credential : credentials) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put(CREDENTIAL, credential);
            list.add(entry);
        }
        var json = new LinkedHashMap<String, Object>();
        json.put(CREDENTIALS, list);
        json.put(NOTIFICATION_ID, notificationId);
        return json;
    }

    @Override
    public String toString() {
        return "CredentialResponse[credentials=" + credentials.size() + "]";
    }
}
