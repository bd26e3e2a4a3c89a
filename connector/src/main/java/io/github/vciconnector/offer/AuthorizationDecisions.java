package io.github.vciconnector.offer;

import io.github.vciconnector.config.AuthorizationProperties;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.metadata.CredentialConfiguration;
import io.github.vciconnector.session.Authorization;
import io.github.vciconnector.session.AuthorizationId;
import io.github.vciconnector.session.AuthorizationStatus;
import io.github.vciconnector.session.AuthorizationStore;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.OfferStore;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The backend's part of the authorization code flow (DESIGN §10): it has logged the person in and completes the
 * authorization (with the claims, when the wallet started it without an offer) or denies it, and gets the URI to
 * send the browser to: the redirect URI registered at PAR with {@code code}, {@code state} and {@code iss}
 * (RFC 6749 §4.1.2, RFC 9207), or with {@code error=access_denied} (§4.1.2.1). Each authorization is decided once.
 */
public class AuthorizationDecisions {

    /** RFC 6749 §5.2: error_description characters (%x20-21 / %x23-5B / %x5D-7E). */
    private static final Pattern DESCRIPTION = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]{1,200}");

    private final AuthorizationStore authorizations;
    private final OfferStore offers;
    private final OfferService offerService;
    private final OfferSecrets secrets;
    private final AuthorizationProperties properties;
    private final Clock clock;
    private final String issuer;

    public AuthorizationDecisions(AuthorizationStore authorizations, OfferStore offers, OfferService offerService,
                                  OfferSecrets secrets, AuthorizationProperties properties, ConnectorProperties connector,
                                  Clock clock) {
        this.authorizations = authorizations;
        this.offers = offers;
        this.offerService = offerService;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
        this.issuer = connector.issuerIdentifier();
    }

    /** What the backend may show about an authorization; {@link OfferError#AUTHORIZATION_NOT_FOUND} otherwise. */
    public AuthorizationSnapshot snapshot(String authorizationId) {
        Authorization authorization = find(authorizationId);
        return AuthorizationSnapshot.of(authorization, clock.instant());
    }

    /**
     * Completes a PENDING authorization: claims are required when the wallet started it (the offer is created now,
     * with OFFER_CREATED as for any offer) and refused when an offer brought them. Returns the redirect URI with
     * the code. Throws {@link OfferException}: not found, expired, already decided, invalid claims, offer ended.
     */
    public URI complete(String authorizationId, Map<String, Object> claims) {
        Authorization authorization = requirePending(find(authorizationId));
        CredentialConfiguration configuration = null;
        if (authorization.issuerInitiated()) {
            if (claims != null) throw new OfferException(OfferError.INVALID_CLAIMS, "claims", "claims came with the offer; complete without claims");
            requireOpen(authorization.offerId());
        } else {
            if (claims == null) throw new OfferException(OfferError.INVALID_CLAIMS, "claims", "claims are required: the wallet started this issuance without an offer");
            configuration = offerService.requireValidClaims(authorization.credentialConfigurationId(), claims);
        }
        var now = clock.instant();
        String offerId = authorization.issuerInitiated() ? authorization.offerId() : secrets.newOfferId();
        // Decided once: only the compare-and-set from PENDING wins, so a second call (or a deny in between) is refused
        Authorization completed = authorizations.transition(authorization.authorizationId(), current -> isPending(current, now)
                        ? Optional.of(current.completed(offerId, now.plus(properties.codeLifetime()))) : Optional.empty())
                .orElseThrow(AuthorizationDecisions::decided);
        if (configuration != null) offerService.createAuthorized(offerId, configuration, claims);
        return redirect(completed, "code", secrets.authorizationCode(completed.id()), null);
    }

    /** Denies a PENDING authorization; the wallet gets {@code access_denied}. Same refusals as {@link #complete}. */
    public URI deny(String authorizationId, String reason) {
        if (reason != null && !DESCRIPTION.matcher(reason).matches()) {
            throw new OfferException(OfferError.INVALID_CLAIMS, "reason", "reason must be 1 to 200 printable ASCII characters without \" or \\");
        }
        Authorization authorization = requirePending(find(authorizationId));
        var now = clock.instant();
        Authorization denied = authorizations.transition(authorization.authorizationId(), current -> isPending(current, now)
                        ? Optional.of(current.denied(now)) : Optional.empty())
                .orElseThrow(AuthorizationDecisions::decided);
        return redirect(denied, "error", "access_denied", reason);
    }

    private Authorization find(String authorizationId) {
        return AuthorizationId.parse(authorizationId).flatMap(authorizations::findById)
                // PUSHED: the browser never reached the authorization endpoint, so no backend can have been given the id
                .filter(a -> a.status() != AuthorizationStatus.PUSHED)
                .orElseThrow(() -> new OfferException(OfferError.AUTHORIZATION_NOT_FOUND, null, "no authorization with this id"));
    }

    private Authorization requirePending(Authorization authorization) {
        if (authorization.status() != AuthorizationStatus.PENDING) throw decided();
        if (authorization.isExpired(clock.instant())) {
            throw new OfferException(OfferError.AUTHORIZATION_EXPIRED, null, "the authorization expired before it was completed");
        }
        return authorization;
    }

    private static boolean isPending(Authorization current, Instant now) {
        return current.status() == AuthorizationStatus.PENDING && !current.isExpired(now);
    }

    private void requireOpen(String offerId) {
        IssuanceSession offer = OfferId.parse(offerId).flatMap(offers::findById)
                .orElseThrow(() -> new OfferException(OfferError.OFFER_ENDED, null, "the offer of this authorization is gone"));
        OfferStatus status = OfferSnapshot.of(offer, clock.instant()).status();
        if (status != OfferStatus.OFFER_CREATED) {
            throw new OfferException(OfferError.OFFER_ENDED, null, "the offer of this authorization can no longer be taken up, its status is " + status);
        }
    }

    /** RFC 6749 §4.1.2: the parameters go in the query of the registered redirect URI, keeping any query it has. */
    private URI redirect(Authorization authorization, String name, String value, String description) {
        String base = authorization.redirectUri();
        StringBuilder uri = new StringBuilder(base).append(URI.create(base).getRawQuery() == null ? '?' : '&');
        uri.append(name).append('=').append(encode(value));
        if (description != null) uri.append("&error_description=").append(encode(description));
        if (authorization.state() != null) uri.append("&state=").append(encode(authorization.state()));
        // RFC 9207 §2: iss tells the wallet which AS answered (mix-up defence)
        uri.append("&iss=").append(encode(issuer));
        return URI.create(uri.toString());
    }

    private static OfferException decided() {
        return new OfferException(OfferError.AUTHORIZATION_DECIDED, null, "the authorization was already completed or denied");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
