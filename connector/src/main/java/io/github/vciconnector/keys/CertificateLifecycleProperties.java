package io.github.vciconnector.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * When certificates count as expiring, bound from {@code connector.certificate-lifecycle.*} (issue 13).
 *
 * @param warnBefore {@code CONNECTOR_CERTIFICATE_LIFECYCLE_WARN_BEFORE}: a signing, access or trust-anchor certificate
 *                   that ends within this is logged as WARN once a day and listed in the health details
 */
@ConfigurationProperties("connector.certificate-lifecycle")
public record CertificateLifecycleProperties(@DefaultValue("30d") Duration warnBefore) {

    public CertificateLifecycleProperties {
        if (warnBefore.isNegative()) throw new IllegalArgumentException("CONNECTOR_CERTIFICATE_LIFECYCLE_WARN_BEFORE must not be negative");
    }
}
