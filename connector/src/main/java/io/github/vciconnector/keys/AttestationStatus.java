package io.github.vciconnector.keys;

import io.github.vciconnector.config.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks the {@code status.status_list} reference of a wallet or key attestation (Token Status List; issue 13): the
 * list is fetched over https only, with a timeout and no redirects, verified against the anchors that vouched for the
 * attestation, and kept until its {@code ttl} / {@code exp}; a status other than VALID refuses the attestation. Once
 * three quarters of a copy's life have passed, the next request that uses it starts a fetch of the next copy on a
 * background thread and goes on with the one in hand, so with steady traffic no wallet request waits for the wallet
 * provider's server; only a request that finds no current copy at all fetches, and waits. One fetch per list at a
 * time, under no lock. What a failed fetch means is {@link AttestationStatusProperties#onFetchFailure()}; a failed
 * refresh ahead of expiry only logs and is tried again halfway to the expiry, and the copy in hand serves until then.
 */
public final class AttestationStatus implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AttestationStatus.class);
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int MAX_CACHED_LISTS = 1000;

    /** A list as verified against one set of anchors: wallet and key attestations may trust different issuers. */
    private record Key(String uri, X509ChainValidator anchors) {
    }

    /** A verified copy and the time from which a request that uses it starts fetching the next one. */
    private record Cached(StatusListToken list, Instant refreshAt) {
    }

    private final AttestationStatusProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final Map<Key, Cached> lists = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<StatusListToken>> fetching = new ConcurrentHashMap<>();
    /** Refreshes ahead of expiry run here, never on a request thread; its one thread ends when idle. */
    private final ThreadPoolExecutor refresher = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            DaemonThreads.named("attestation-status-refresh"));

    public AttestationStatus(AttestationStatusProperties properties, Clock clock) {
        this(properties, clock, defaultContext());
    }

    /** @param tls the TLS context for fetching (tests trust their own CA) */
    public AttestationStatus(AttestationStatusProperties properties, Clock clock, SSLContext tls) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Refuses an attestation whose {@code status} claim names a status list entry that is not VALID. No claim, or a
     * status mechanism other than {@code status_list}, passes.
     *
     * @param status  the attestation's {@code status} claim, or null
     * @param anchors the anchors the attestation was checked against; the list must chain to them too
     * @throws AttestationStatusException naming the reason (revoked, suspended, unusable reference or list)
     */
    public void require(Object status, X509ChainValidator anchors) {
        if (status == null) return;
        if (!(status instanceof Map<?, ?> mechanisms)) throw new AttestationStatusException("status must be a JSON object");
        Object reference = mechanisms.get("status_list");
        if (reference == null) return;
        if (!(reference instanceof Map<?, ?> entry)) throw new AttestationStatusException("status.status_list must be a JSON object");
        if (!(entry.get("idx") instanceof Number idx) || idx.doubleValue() != idx.longValue() || idx.longValue() < 0) {
            throw new AttestationStatusException("status.status_list.idx must be a non-negative integer");
        }
        if (!(entry.get("uri") instanceof String uri) || !uri.startsWith("https://") || uri.length() > 2048) {
            throw new AttestationStatusException("status.status_list.uri must be an https URI");
        }
        StatusListToken list;
        try {
            list = list(new Key(uri, anchors));
        } catch (StatusListUnavailable e) {
            if (properties.onFetchFailure() == AttestationStatusProperties.OnFetchFailure.ACCEPT) {
                log.warn("attestation status not checked, its status list cannot be fetched ({}); accepted as "
                        + "CONNECTOR_ATTESTATION_STATUS_ON_FETCH_FAILURE=accept says", e.getMessage());
                return;
            }
            throw new AttestationStatusException("status list cannot be fetched");
        }
        switch (list.status(idx.longValue())) {
            case 0 -> { }
            case 1 -> throw new AttestationStatusException("is revoked");
            case 2 -> throw new AttestationStatusException("is suspended");
            default -> throw new AttestationStatusException("status is not valid");
        }
    }

    private StatusListToken list(Key key) {
        Instant now = clock.instant();
        Cached cached = lists.get(key);
        if (cached != null && now.isBefore(cached.list().expiresAt())) {
            if (!now.isBefore(cached.refreshAt())) refreshAhead(key);
            return cached.list();
        }
        var mine = new CompletableFuture<StatusListToken>();
        CompletableFuture<StatusListToken> running = fetching.putIfAbsent(key, mine);
        if (running != null) return await(running);
        return load(key, mine);
    }

    /** Fetches, verifies and keeps the list; {@code mine} tells the requests that wait for the same list. */
    private StatusListToken load(Key key, CompletableFuture<StatusListToken> mine) {
        try {
            Instant now = clock.instant();
            StatusListToken fresh = StatusListToken.verify(fetch(key.uri()), key.uri(), key.anchors(), now, properties.defaultTtl());
            if (lists.size() >= MAX_CACHED_LISTS) lists.clear();
            lists.put(key, new Cached(fresh, refreshAt(now, fresh.expiresAt(), 4)));
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            fetching.remove(key, mine);
        }
    }

    /** Starts fetching the next copy in the background, unless a fetch of this list is already on its way. */
    private void refreshAhead(Key key) {
        var mine = new CompletableFuture<StatusListToken>();
        if (fetching.putIfAbsent(key, mine) != null) return;
        try {
            refresher.execute(() -> {
                try {
                    load(key, mine);
                } catch (RuntimeException e) {
                    // not again on the very next request: halfway to the expiry of the copy in hand
                    lists.computeIfPresent(key, (k, cached) -> new Cached(cached.list(),
                            refreshAt(clock.instant(), cached.list().expiresAt(), 2)));
                    log.warn("attestation status list not refreshed ahead of its expiry ({}); the copy in hand serves until then",
                            e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            fetching.remove(key, mine);
            mine.completeExceptionally(new StatusListUnavailable("shutting down"));
        }
    }

    /** The time that leaves {@code 1/part} of the span from {@code now} to {@code expiresAt}: 4 is three quarters of the way, 2 halfway. */
    private static Instant refreshAt(Instant now, Instant expiresAt, int part) {
        Duration life = Duration.between(now, expiresAt);
        return now.plus(life.minus(life.dividedBy(part)));
    }

    /** Stops the refresh thread (the application context closes this bean). */
    @Override
    public void close() {
        refresher.shutdownNow();
    }

    private StatusListToken await(CompletableFuture<StatusListToken> running) {
        try {
            return running.get(properties.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw new StatusListUnavailable("fetch failed");
        } catch (TimeoutException e) {
            throw new StatusListUnavailable("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatusListUnavailable("interrupted");
        }
    }

    private String fetch(String uri) {
        var request = HttpRequest.newBuilder(URI.create(uri)).timeout(properties.timeout())
                .header("Accept", "application/statuslist+jwt").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) throw new StatusListUnavailable("HTTP " + response.statusCode());
                byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) throw new StatusListUnavailable("larger than 1 MB");
                return new String(bytes, StandardCharsets.US_ASCII);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new StatusListUnavailable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatusListUnavailable("interrupted");
        }
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** The list could not be had (network, HTTP status, size): what the fetch-failure setting is about. */
    private static final class StatusListUnavailable extends RuntimeException {
        StatusListUnavailable(String reason) {
            super(reason);
        }
    }
}
