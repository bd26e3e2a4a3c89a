package io.github.vciconnector.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the status of wallet and key attestations is checked (Token Status List), bound from
 * {@code connector.attestation-status.*}.
 *
 * @param onFetchFailure {@code CONNECTOR_ATTESTATION_STATUS_ON_FETCH_FAILURE}: {@code refuse} (default) refuses an
 *                       attestation whose status list cannot be fetched or checked; {@code accept} lets it pass with
 *                       a WARN line
 * @param timeout        {@code CONNECTOR_ATTESTATION_STATUS_TIMEOUT}: connect and response timeout of one fetch
 * @param defaultTtl     {@code CONNECTOR_ATTESTATION_STATUS_DEFAULT_TTL}: how long a list without {@code ttl} or
 *                       {@code exp} is used before it is fetched again
 * @param sslBundle      {@code CONNECTOR_ATTESTATION_STATUS_SSL_BUNDLE}: a Spring Boot SSL bundle whose trust store
 *                       replaces the JVM's for these fetches (a private CA); unset = the JVM's trust store
 */
@ConfigurationProperties("connector.attestation-status")
public record AttestationStatusProperties(@DefaultValue("refuse") OnFetchFailure onFetchFailure,
                                          @DefaultValue("5s") Duration timeout,
                                          @DefaultValue("5m") Duration defaultTtl,
                                          String sslBundle) {

    /** What an unreachable or unusable status list means for the attestation that refers to it. */
    public enum OnFetchFailure { REFUSE, ACCEPT }

    public AttestationStatusProperties(OnFetchFailure onFetchFailure, Duration timeout, Duration defaultTtl) {
        this(onFetchFailure, timeout, defaultTtl, null);
    }

    @ConstructorBinding
    public AttestationStatusProperties {
        if (sslBundle != null && sslBundle.isBlank()) sslBundle = null;
        if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("CONNECTOR_ATTESTATION_STATUS_TIMEOUT must be between 100ms and 30s");
        }
        if (defaultTtl.compareTo(Duration.ofSeconds(1)) < 0 || defaultTtl.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("CONNECTOR_ATTESTATION_STATUS_DEFAULT_TTL must be between 1s and 1d");
        }
    }

    /** The defaults, for verifiers built without Spring. */
    public static AttestationStatusProperties defaults() {
        return new AttestationStatusProperties(OnFetchFailure.REFUSE, Duration.ofSeconds(5), Duration.ofMinutes(5));
    }
}
