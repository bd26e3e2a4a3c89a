package io.github.vciconnector.config;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a security-relevant setting was chosen, for operators: the same details in {@code /actuator/info} under
 * {@code infoKey} and as a health component that stays UP (the connector works; it is only less protected).
 */
public abstract class SettingsReport implements HealthIndicator, InfoContributor {

    private final String infoKey;
    private final Map<String, Object> details;

    protected SettingsReport(String infoKey, Map<String, Object> details) {
        this.infoKey = infoKey;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    @Override
    public Health health() {
        return Health.up().withDetails(details).build();
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail(infoKey, details);
    }
}
