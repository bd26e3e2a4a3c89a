package io.github.vciconnector.webhook;

import io.github.vciconnector.config.DaemonThreads;
import io.github.vciconnector.session.Callback;
import io.github.vciconnector.session.CallbackOutbox;
import io.github.vciconnector.session.CredentialsIssued;
import io.github.vciconnector.session.Leases;
import io.github.vciconnector.session.OfferCreated;
import io.github.vciconnector.session.OfferEnded;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the callback events that state changes queued in the session store: at least once, in order per offer,
 * off the request threads. A lease in the store lets one replica at a time deliver an offer's events; the store's
 * due-callback index lets any replica pick up what another left behind (DESIGN §5, §6).
 */
public class CallbackDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final int BATCH = 100;

    private final OfferStore store;
    private final Leases leases;
    private final CallbackSender sender;
    private final CallbackProperties properties;
    private final CallbackMetrics metrics;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration leaseTtl;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;
    private ExecutorService workers;
    private volatile boolean running;

    CallbackDispatcher(OfferStore store, Leases leases, CallbackSender sender, CallbackProperties properties, CallbackMetrics metrics,
                       Clock clock, SecureRandom random) {
        this.store = store;
        this.leases = leases;
        this.sender = sender;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.random = random;
        this.leaseTtl = properties.timeout().multipliedBy(2).plusSeconds(5);
    }

    @EventListener
    public void on(OfferCreated event) {
        deliverSoon(event.offerId());
    }

    @EventListener
    public void on(CredentialsIssued event) {
        deliverSoon(event.offerId());
    }

    @EventListener
    public void on(OfferEnded event) {
        deliverSoon(event.offerId());
    }

    /** Starts delivering the offer's due events now, unless this replica already is. */
    public void deliverSoon(String offerId) {
        if (!running || properties.url() == null || !inFlight.add(offerId)) return;
        try {
            workers.execute(() -> {
                try {
                    deliver(offerId);
                } catch (RuntimeException e) {
                    log.warn("callback delivery for offer {} interrupted by {}; it will be retried", offerId, e.getClass().getSimpleName());
                } finally {
                    inFlight.remove(offerId);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(offerId); // shutting down: the event stays in the store
        }
    }

    private void poll() {
        try {
            for (OfferId offerId : store.findDueCallbacks(clock.instant(), BATCH)) deliverSoon(offerId.value());
        } catch (RuntimeException e) {
            log.warn("could not poll for due callbacks: {}", e.getClass().getSimpleName());
        }
    }

    private void deliver(String offerId) {
        boolean delivered = true;
        while (delivered && running) delivered = deliverNext(offerId); // the next event follows at once
    }

    /**
     * One attempt per lease: the lease (TTL well above one attempt's timeout) cannot expire under us, so no other
     * replica delivers this offer meanwhile, and releasing it never frees another replica's lease.
     * Returns true when an event was delivered (or given up), so the next one may follow.
     */
    private boolean deliverNext(String offerId) {
        Optional<Leases.Lease> lease = leases.acquire(Leases.Kind.CALLBACK_DELIVERY, offerId, leaseTtl);
        if (lease.isEmpty()) return false; // another replica delivers this offer
        try {
            Optional<Callback> due = store.findById(new OfferId(offerId)).flatMap(session -> session.outbox().nextPending());
            if (due.isEmpty() || due.get().nextAttemptAt().isAfter(clock.instant())) return false;
            return attempt(offerId, due.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            leases.release(lease.get());
        }
    }

    /** One delivery attempt; true when delivered, so the next event of the offer may follow. */
    private boolean attempt(String offerId, Callback callback) throws InterruptedException {
        String failure = sender.send(offerId, callback);
        Instant now = clock.instant();
        Callback outcome = failure == null ? callback.delivered() : callback.failed(failure, now.plus(backoff(callback.attempts())));
        record(offerId, outcome);
        if (failure == null) {
            metrics.delivered.increment();
        } else if (outcome.delivery() == Callback.Delivery.UNDELIVERABLE) {
            metrics.undeliverable.increment();
            log.error("callback {} {} for offer {} undeliverable after {} attempts (last: {})", callback.status(),
                    callback.eventId(), offerId, outcome.attempts(), failure);
        } else {
            metrics.retried.increment();
            log.warn("callback {} for offer {} failed ({}), attempt {}, next at {}", callback.status(), offerId, failure,
                    outcome.attempts(), outcome.nextAttemptAt());
        }
        return failure == null || outcome.delivery() == Callback.Delivery.UNDELIVERABLE;
    }

    /** Writes the outcome with compare-and-set, re-reading when another writer (a state change) got there first. */
    private void record(String offerId, Callback outcome) {
        store.transition(new OfferId(offerId), current -> Optional.of(current.withOutbox(current.outbox().with(outcome))));
    }

    /**
     * Puts the offer's undeliverable events back in line with a fresh max-age and starts delivering them.
     * Returns how many events were requeued, or empty when the offer is unknown.
     */
    public Optional<Integer> redeliver(String offerId) {
        // A malformed id (from the management URL) names no offer, like an unknown one.
        Optional<OfferId> id = OfferId.parse(offerId);
        if (id.isEmpty() || store.findById(id.get()).isEmpty()) return Optional.empty();
        int[] requeued = new int[1];
        store.transition(id.get(), session -> {
            Instant now = clock.instant();
            requeued[0] = 0;
            CallbackOutbox outbox = session.outbox().map(callback -> {
                if (callback.delivery() != Callback.Delivery.UNDELIVERABLE) return callback;
                requeued[0]++;
                return callback.redeliver(now, now.plus(properties.maxAge()));
            });
            return requeued[0] == 0 ? Optional.empty() : Optional.of(session.withOutbox(outbox));
        }).ifPresent(requeuedSession -> deliverSoon(offerId));
        return Optional.of(requeued[0]);
    }

    /** Exponential backoff with jitter: between half and all of initial * 2^attempts, capped. */
    private Duration backoff(int attempts) {
        long base = properties.initialBackoff().toMillis() << Math.min(attempts, 20);
        long capped = Math.min(base, properties.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random.nextDouble() * (capped / 2.0)));
    }

    @Override
    public void start() {
        workers = Executors.newFixedThreadPool(properties.workers(), DaemonThreads.named("callback-worker"));
        poller = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("callback-poller"));
        running = true;
        if (properties.url() == null) {
            log.info("CONNECTOR_CALLBACK_URL is not set: callbacks are off");
            return;
        }
        long every = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
        workers.shutdown();
        try {
            // Deliveries in flight get a bounded time; what is left stays in the store for the next start or replica.
            if (!workers.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024; // stop after the web server stopped taking requests
    }
}
