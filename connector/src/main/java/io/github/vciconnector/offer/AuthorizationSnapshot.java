package io.github.vciconnector.offer;

import io.github.vciconnector.session.Authorization;
import io.github.vciconnector.session.AuthorizationStatus;

import java.time.Instant;

/**
 * What the backend's login page may show about an authorization (DESIGN §10): what is asked for and by which
 * wallet, until when, and the offer. A PENDING one past its lifetime reads as {@code EXPIRED}.
 *
 * @param status   {@code PENDING}, {@code COMPLETED}, {@code DENIED}, {@code REDEEMED} or {@code EXPIRED}
 * @param clientId the wallet's client_id, as its wallet attestation authenticated it
 * @param offerId  the offer (issuer-initiated, or created at completion), or null
 */
public record AuthorizationSnapshot(String authorizationId, String status, String credentialConfigurationId,
                                    String scope, String clientId, Instant expiresAt, String offerId, boolean issuerInitiated) {

    static AuthorizationSnapshot of(Authorization authorization, Instant now) {
        String status = authorization.status() == AuthorizationStatus.PENDING && authorization.isExpired(now)
                ? "EXPIRED" : authorization.status().name();
        return new AuthorizationSnapshot(authorization.id(), status, authorization.credentialConfigurationId(),
                authorization.scope(), authorization.clientId(), authorization.expiresAt(), authorization.offerId(),
                authorization.issuerInitiated());
    }
}
