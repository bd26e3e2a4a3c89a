package io.github.vciconnector.offer;

import io.github.vciconnector.config.DaemonThreads;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferEnded;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.OfferStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends offers whose lifetime passed before issuance: EXPIRED, claims deleted, one EXPIRED callback queued in the
 * same write. Of an ISSUED offer whose access token expired it deletes the claims kept for repeat requests. Safe with several replicas sweeping at once: the compare-and-set update lets exactly one win.
 */
public class OfferExpirySweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OfferExpirySweeper.class);
    private static final int BATCH = 200;
    static final String REASON = "offer expired before the credential was issued";

    private final OfferStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public OfferExpirySweeper(OfferStore store, Clock clock, ApplicationEventPublisher events, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.interval = interval;
    }

    /** One sweep; returns how many offers this call expired. */
    public int sweep() {
        int expired = 0;
        var now = clock.instant();
        for (OfferId offerId : store.findExpiredOffers(now, BATCH)) {
            IssuanceSession session = store.findById(offerId).orElse(null);
            if (session == null || !session.awaitsExpiry() || !session.isExpired(now)) continue;
            if (session.status().isFinal()) {
                // ISSUED or REVOKED, its access token expired: the claims kept for repeat requests go, and with them
                // everything that names the wallet (DESIGN §9 data minimisation); the status list entries stay.
                store.transition(offerId, current -> current.status().isFinal() && current.awaitsExpiry() && current.isExpired(now)
                        ? Optional.of(current.minimised()) : Optional.empty());
                continue;
            }
            // One store step ends the offer: the token grant is a compare-and-set from OFFER_CREATED, so no wallet can
            // redeem it from here on; the code index is tidied up afterwards (issue 15).
            boolean ended = store.transition(offerId, current -> !current.status().isFinal() && current.isExpired(now)
                    ? Optional.of(current.ended(OfferStatus.EXPIRED, REASON, now)) : Optional.empty()).isPresent();
            if (ended) {
                events.publishEvent(new OfferEnded(offerId.value(), OfferStatus.EXPIRED, REASON, now));
                expired++;
                store.redeemPreAuthorizedCode(session.codeHash());
            }
        }
        return expired;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("offer-expiry"));
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("offer expiry sweep failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
