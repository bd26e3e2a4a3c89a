package io.github.vciconnector.keys;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the end of every certificate the connector relies on (issue 13): the signing and access certificates and
 * every trust anchor in force. Micrometer gauges {@code connector.certificate.days.left} (tag {@code certificate}:
 * {@code signing}, {@code access}) and {@code connector.trust.anchor.days.left} (tags {@code setting}, {@code subject})
 * give the days left; one under {@link CertificateLifecycleProperties#warnBefore()} is a WARN line once a day and a
 * health detail; an expired signing or access certificate makes the {@code certificateLifecycle} component DOWN.
 */
public final class CertificateLifecycle implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CertificateLifecycle.class);
    private static final double SECONDS_PER_DAY = 86_400.0;

    private final SigningKeys keys;
    private final TrustAnchorRefresher anchors;
    private final Clock clock;
    private final Duration warnBefore;
    private final MultiGauge anchorGauge;
    /** The day each certificate was last warned about, so the WARN comes once a day, not once a check. */
    private final Map<String, LocalDate> warned = new ConcurrentHashMap<>();

    public CertificateLifecycle(SigningKeys keys, TrustAnchorRefresher anchors, MeterRegistry registry, Clock clock,
                                CertificateLifecycleProperties properties) {
        this.keys = keys;
        this.anchors = anchors;
        this.clock = clock;
        this.warnBefore = properties.warnBefore();
        Gauge.builder("connector.certificate.days.left", this, c -> c.daysLeft(keys.credential().chain().get(0)))
                .tag("certificate", "signing").description("days until the credential signing certificate ends").register(registry);
        Gauge.builder("connector.certificate.days.left", this, c -> c.daysLeft(keys.access().chain().get(0)))
                .tag("certificate", "access").description("days until the metadata access certificate ends").register(registry);
        this.anchorGauge = MultiGauge.builder("connector.trust.anchor.days.left")
                .description("days until a trust anchor in force ends").register(registry);
    }

    /**
     * Brings the anchor gauges up to the anchors in force and logs the certificates ending within the threshold, each
     * at most once a day. Runs on a schedule, never on a request.
     */
    public void check() {
        var rows = new ArrayList<MultiGauge.Row<?>>();
        for (TrustAnchorFiles files : anchors.watched()) {
            for (X509Certificate anchor : files.validator().anchors()) {
                rows.add(MultiGauge.Row.of(Tags.of("setting", variable(files.setting()), "subject", subject(anchor)), this,
                        c -> c.daysLeft(anchor)));
            }
        }
        anchorGauge.register(rows, true);
        for (Expiring expiring : expiring()) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            if (!today.equals(warned.put(expiring.name(), today))) {
                log.warn("CERTIFICATE EXPIRING: {} ends at {} ({} days left); renew it before then", expiring.name(),
                        expiring.notAfter(), Math.max(0, (long) Math.floor(expiring.daysLeft())));
            }
        }
    }

    @Override
    public Health health() {
        var builder = Health.up();
        var days = new LinkedHashMap<String, Object>();
        days.put("signing", (long) Math.floor(daysLeft(keys.credential().chain().get(0))));
        days.put("access", (long) Math.floor(daysLeft(keys.access().chain().get(0))));
        builder.withDetail("days_left", days);
        List<Expiring> expiring = expiring();
        builder.withDetail("warn_before_days", warnBefore.toDays());
        if (!expiring.isEmpty()) builder.withDetail("expiring", expiring.stream().map(e -> e.name() + " ends at " + e.notAfter()).toList());
        Instant now = clock.instant();
        if (!keys.credential().chain().get(0).getNotAfter().toInstant().isAfter(now)
                || !keys.access().chain().get(0).getNotAfter().toInstant().isAfter(now)) {
            builder.down().withDetail("expired", "the signing or access certificate has ended: wallets refuse what it signs");
        }
        return builder.build();
    }

    /** Every certificate ending within the threshold, expired ones included. */
    List<Expiring> expiring() {
        var all = new ArrayList<Expiring>();
        add(all, "signing certificate " + subject(keys.credential().chain().get(0)), keys.credential().chain().get(0));
        add(all, "access certificate " + subject(keys.access().chain().get(0)), keys.access().chain().get(0));
        for (TrustAnchorFiles files : anchors.watched()) {
            for (X509Certificate anchor : files.validator().anchors()) {
                add(all, "trust anchor " + subject(anchor) + " of " + variable(files.setting()), anchor);
            }
        }
        return all;
    }

    private void add(List<Expiring> all, String name, X509Certificate certificate) {
        double days = daysLeft(certificate);
        if (days * SECONDS_PER_DAY <= warnBefore.getSeconds()) all.add(new Expiring(name, certificate.getNotAfter().toInstant(), days));
    }

    private double daysLeft(X509Certificate certificate) {
        return Duration.between(clock.instant(), certificate.getNotAfter().toInstant()).getSeconds() / SECONDS_PER_DAY;
    }

    private static String subject(X509Certificate certificate) {
        return InvalidKeyConfigurationException.printable(certificate.getSubjectX500Principal().getName());
    }

    /** The environment variable of a setting description such as {@code CONNECTOR_X (connector.x)}. */
    private static String variable(String setting) {
        int space = setting.indexOf(' ');
        return space < 0 ? setting : setting.substring(0, space);
    }

    /** A certificate ending within the threshold. */
    record Expiring(String name, Instant notAfter, double daysLeft) {
    }
}
