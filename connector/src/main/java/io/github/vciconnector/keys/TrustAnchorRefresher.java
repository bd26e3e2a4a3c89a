package io.github.vciconnector.keys;

import io.github.vciconnector.config.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads every watched trust-anchor setting again on one background thread (the keys package's only one, which also
 * runs the {@link CertificateLifecycle} check), every
 * {@link TrustAnchorProperties#refreshInterval()}, so requests never touch the file system (DESIGN §11). Its health
 * component ({@code trustAnchors}) shows each setting's set in force and the last failed reload; it stays UP, since
 * the last good set keeps working.
 */
public final class TrustAnchorRefresher implements HealthIndicator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrustAnchorRefresher.class);

    private final List<TrustAnchorFiles> watched = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor;

    public TrustAnchorRefresher(Duration interval) {
        this.executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("trust-anchor-refresh"));
        executor.scheduleWithFixedDelay(this::refreshAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the same background thread every {@code interval}; a failure is logged, the schedule goes on. */
    public void schedule(Runnable task, Duration interval) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("background check failed: {}", e.getClass().getSimpleName());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Keeps {@code files} current from now on. */
    public TrustAnchorFiles watch(TrustAnchorFiles files) {
        watched.add(files);
        return files;
    }

    public List<TrustAnchorFiles> watched() {
        return List.copyOf(watched);
    }

    /** One round over every setting; a failure of one never stops the others or the schedule. */
    void refreshAll() {
        for (TrustAnchorFiles files : watched) {
            try {
                files.refresh();
            } catch (RuntimeException e) {
                log.error("{}: trust anchors could not be reloaded ({}); the last good set stays in force",
                        files.setting(), e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public Health health() {
        var builder = Health.up();
        for (TrustAnchorFiles files : watched) {
            TrustAnchorFiles.Status status = files.status();
            var detail = new LinkedHashMap<String, Object>();
            detail.put("anchors", status.anchors());
            detail.put("loaded_at", status.loadedAt().toString());
            if (status.failing()) {
                detail.put("reload_failed_at", status.failedAt().toString());
                detail.put("reload_failure", status.failure() + "; the set loaded at loaded_at stays in force");
            }
            builder.withDetail(files.setting(), detail);
        }
        return builder.build();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
