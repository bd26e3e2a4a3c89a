package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.issuance.NotificationError;
import io.github.vciconnector.issuance.NotificationRequestException;
import io.github.vciconnector.issuance.NotificationService;
import io.github.vciconnector.metadata.IssuerMetadata;
import io.github.vciconnector.oauth.AccessTokenVerifier;
import io.github.vciconnector.oauth.AuthorizedWallet;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Map;

/** The Notification Endpoint (OID4VCI 1.0 §11): a DPoP-protected resource answering 204 (VCI-NOT-2). */
@RestController
class NotificationEndpoint {

    private final AccessTokenVerifier tokens;
    private final NotificationService notifications;
    private final URI endpoint;

    NotificationEndpoint(AccessTokenVerifier tokens, NotificationService notifications, ConnectorProperties connector) {
        this.tokens = tokens;
        this.notifications = notifications;
        this.endpoint = connector.endpoint(IssuerMetadata.NOTIFICATION_PATH);
    }

    @PostMapping(IssuerMetadata.NOTIFICATION_PATH)
    @SuppressWarnings("unchecked")
    ResponseEntity<Void> notification(HttpServletRequest request) throws IOException {
        AuthorizedWallet wallet = tokens.authorize(request.getHeader(HttpHeaders.AUTHORIZATION),
                Collections.list(request.getHeaders("DPoP")), "POST", endpoint);
        Map<String, Object>[] body = new Map[1];
        JsonBodies.read(request, body).ifPresent(reason -> {
            throw new NotificationRequestException(NotificationError.INVALID_NOTIFICATION_REQUEST, reason);
        });
        notifications.notify(wallet, body[0]);
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }
}
