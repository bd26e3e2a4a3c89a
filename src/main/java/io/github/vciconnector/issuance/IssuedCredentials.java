package io.github.vciconnector.issuance;

import java.util.List;

/**
 * The credentials of one Credential Response, in key order, and the notification id that covers them (VCI-CRS-3):
 * the same for every response on one offer's token, so a notification about any of them is understood.
 */
public record IssuedCredentials(List<String> credentials, String notificationId) {
    public IssuedCredentials {
        credentials = List.copyOf(credentials);
    }
}
