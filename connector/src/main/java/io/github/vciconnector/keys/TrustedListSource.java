package io.github.vciconnector.keys;

import io.github.vciconnector.config.DaemonThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the wallet-provider trusted list in force (DESIGN §11): loads it at startup, fetches it again every
 * refresh interval and at its NextUpdate, on its own thread, and puts each verified copy's certificates into the
 * wallet-attestation validators as the {@value #SOURCE} anchors. A copy that fails (unreachable, tampered, wrongly
 * signed, expired) never replaces the last good one: ERROR line, {@code connector.trust.list.refresh.failures}
 * counter, health detail; the last good copy stays until it is past its own NextUpdate, then it is reported stale
 * ({@code connector.trust.list.stale} = 1, health detail) and still used.
 */
public final class TrustedListSource implements HealthIndicator, AutoCloseable {

    public static final String SOURCE = "trusted-list";
    private static final Logger log = LoggerFactory.getLogger(TrustedListSource.class);
    private static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final TrustedListProperties properties;
    private final List<X509Certificate> signers;
    private final Clock clock;
    private final HttpClient http;
    private final List<X509ChainValidator> targets = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor;
    private final Counter failures;
    private volatile TrustedList current;
    private volatile Instant loadedAt;
    private volatile String lastFailure;

    public TrustedListSource(TrustedListProperties properties, Clock clock, SSLContext tls, MeterRegistry registry) {
        this.properties = properties;
        this.clock = clock;
        this.signers = TrustAnchorFiles.read(TrustedListProperties.SIGNER_VARIABLE, List.of(properties.signer()), clock.instant());
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.failures = Counter.builder("connector.trust.list.refresh.failures").description("wallet-provider trusted list loads that failed")
                .register(registry);
        Gauge.builder("connector.trust.list.stale", this, s -> s.stale() ? 1 : 0)
                .description("1 while the trusted list in force is past its NextUpdate or none is loaded").register(registry);
        Gauge.builder("connector.trust.list.age.seconds", this, s -> s.loadedAt == null ? Double.NaN
                : Duration.between(s.loadedAt, clock.instant()).getSeconds()).description("seconds since the trusted list in force was loaded")
                .register(registry);
        this.executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("trusted-list-refresh"));
        refresh();
        scheduleNext();
    }

    /** Adds the list's anchors to {@code validator}, now and after every refresh. */
    public void feed(X509ChainValidator validator) {
        targets.add(validator);
        TrustedList list = current;
        if (list != null) validator.replaceAnchors(SOURCE, list.anchors());
    }

    /** One load; true when a new copy was put in force. Never throws: a failure keeps the last good copy. */
    public synchronized boolean refresh() {
        Instant now = clock.instant();
        try {
            TrustedList list = TrustedList.verify(read(), signers, now);
            current = list;
            loadedAt = now;
            lastFailure = null;
            for (X509ChainValidator target : targets) target.replaceAnchors(SOURCE, list.anchors());
            log.info("wallet-provider trusted list loaded: {} certificate(s), issued {}, next update {}", list.anchors().size(),
                    list.issued(), list.nextUpdate());
            return true;
        } catch (RuntimeException e) {
            failures.increment();
            lastFailure = e.getMessage() + " (at " + now + ")";
            log.error("WALLET-PROVIDER TRUSTED LIST NOT LOADED: {}; {}", e.getMessage(), current == null
                    ? "no list is in force yet" : "the copy loaded at " + loadedAt + " stays in force");
            return false;
        }
    }

    public TrustedList current() {
        return current;
    }

    /** True while no list is loaded, or the one in force is past its NextUpdate. */
    public boolean stale() {
        TrustedList list = current;
        return list == null || !clock.instant().isBefore(list.nextUpdate());
    }

    @Override
    public Health health() {
        var builder = Health.up().withDetail("source", properties.url() != null ? properties.url().toString() : properties.file().toString());
        TrustedList list = current;
        if (list != null) {
            builder.withDetail("certificates", list.anchors().size()).withDetail("loaded_at", loadedAt.toString())
                    .withDetail("next_update", list.nextUpdate().toString());
        }
        if (stale()) builder.withDetail("stale", list == null ? "no list loaded yet" : "past its NextUpdate; the last good copy is still used");
        if (lastFailure != null) builder.withDetail("last_failure", lastFailure);
        return builder.build();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Next run at the refresh interval, sooner at NextUpdate, every minute while the last load failed. */
    private void scheduleNext() {
        Duration delay = properties.refreshInterval();
        TrustedList list = current;
        if (list != null) {
            Duration untilNext = Duration.between(clock.instant(), list.nextUpdate());
            if (untilNext.compareTo(delay) < 0) delay = untilNext.isNegative() ? RETRY : untilNext.plusSeconds(1);
        }
        if (lastFailure != null && RETRY.compareTo(delay) < 0) delay = RETRY;
        executor.schedule(() -> {
            refresh();
            scheduleNext();
        }, Math.max(delay.toMillis(), 100), TimeUnit.MILLISECONDS);
    }

    private String read() {
        if (properties.file() != null) {
            try {
                if (Files.size(properties.file()) > MAX_BYTES) throw new TrustedList.TrustedListException("the list file is larger than 10 MB");
                return Files.readString(properties.file(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new TrustedList.TrustedListException("the list file cannot be read");
            }
        }
        var request = HttpRequest.newBuilder(properties.url()).timeout(properties.timeout()).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) throw new TrustedList.TrustedListException("the list URL answered HTTP " + response.statusCode());
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) throw new TrustedList.TrustedListException("the list is larger than 10 MB");
                return new String(bytes, StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new TrustedList.TrustedListException("the list cannot be fetched (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrustedList.TrustedListException("the fetch was interrupted");
        }
    }
}
