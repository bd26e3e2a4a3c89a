package io.github.vciconnector.offer;

import io.github.vciconnector.session.Callback;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.StatusReference;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the backend may know about an offer: status, when each step happened, how many credentials were issued.
 * Holds no claim values by construction. An offer past its expiry that nothing ended yet reads as
 * {@link OfferStatus#EXPIRED}, stamped with its expiry time.
 *
 * @param failureReason why the offer FAILED or ended (no personal data), or null
 * @param credentials   the status list entry of each credential issued, with its status (DESIGN §9)
 */
public record OfferSnapshot(String offerId, String credentialConfigurationId, OfferStatus status,
                            Map<OfferStatus, Instant> timestamps, Instant expiresAt, int credentialsIssued,
                            boolean txCodeRequired, String failureReason, List<Callback> callbacks,
                            List<StatusReference> credentials) {

    public OfferSnapshot {
        var copy = new EnumMap<OfferStatus, Instant>(OfferStatus.class);
        copy.putAll(timestamps);
        timestamps = Collections.unmodifiableMap(copy); // enum order: the order the steps happen in
        callbacks = List.copyOf(callbacks);
        credentials = List.copyOf(credentials);
    }

    static OfferSnapshot of(IssuanceSession session, Instant now) {
        var timestamps = new EnumMap<OfferStatus, Instant>(OfferStatus.class);
        timestamps.putAll(session.history());
        OfferStatus status = session.status();
        if (!status.isFinal() && session.isExpired(now)) {
            status = OfferStatus.EXPIRED;
            timestamps.put(OfferStatus.EXPIRED, session.expiresAt());
        }
        return new OfferSnapshot(session.offerId(), session.credentialConfigurationId(), status, timestamps,
                session.expiresAt(), session.credentialsIssued(), session.txCode() != null, session.failureReason(),
                session.outbox().events(), session.statusReferences());
    }

    /** When the credentials were revoked, or null. */
    public Instant revokedAt() {
        return timestamps.get(OfferStatus.REVOKED);
    }

    /**
     * The status of each credential in its list: INVALID once revoked (nothing else ever changes an entry, and a
     * revocation sets every entry before it is recorded), VALID before.
     */
    public String credentialStatus() {
        return status == OfferStatus.REVOKED ? "INVALID" : "VALID";
    }

    public Instant createdAt() {
        return timestamps.get(OfferStatus.OFFER_CREATED);
    }
}
