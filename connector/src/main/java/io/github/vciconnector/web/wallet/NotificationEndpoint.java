package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.WalletProtocol;
import io.github.vciconnector.issuance.NotificationError;
import io.github.vciconnector.issuance.NotificationRequest;
import io.github.vciconnector.issuance.NotificationRequestException;
import io.github.vciconnector.issuance.NotificationService;
import io.github.vciconnector.oauth.AuthorizedWallet;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The Notification Endpoint (OID4VCI 1.0 §11): a DPoP-protected resource ({@link AuthorizedWalletResolver})
 * answering 204 (VCI-NOT-2).
 */
@RestController
class NotificationEndpoint {

    private final NotificationService notifications;

    NotificationEndpoint(NotificationService notifications) {
        this.notifications = notifications;
    }

    @PostMapping(WalletProtocol.NOTIFICATION_PATH)
    ResponseEntity<Void> notification(AuthorizedWallet wallet, HttpServletRequest request) throws IOException {
        NotificationRequest notification = NotificationRequest.parse(JsonBody.read(request,
                reason -> new NotificationRequestException(NotificationError.INVALID_NOTIFICATION_REQUEST, reason)));
        notifications.notify(wallet, notification);
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }
}
