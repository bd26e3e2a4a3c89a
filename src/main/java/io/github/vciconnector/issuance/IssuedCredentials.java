package io.github.vciconnector.issuance;

import java.util.List;

/** The credentials of one Credential Response, in key order, and the notification id that covers them all (VCI-CRS-3). */
public record IssuedCredentials(List<String> credentials, String notificationId) {
    public IssuedCredentials {
        credentials = List.copyOf(credentials);
    }
}
