package io.github.vciconnector.issuance.keyattestation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Key attestation settings, bound from {@code connector.key-attestation.*}; the trust anchors come from
 * {@code CONNECTOR_KEY_ATTESTATION_TRUST_ANCHORS} (comma-separated PEM files of key-attestation issuer CAs).
 *
 * @param trustAnchors     PEM files whose certificates may anchor a key attestation's {@code x5c} (VCI-KA-1)
 * @param allowedClockSkew how far in the future a key attestation's {@code iat} may lie
 */
@ConfigurationProperties("connector.key-attestation")
public record KeyAttestationProperties(List<Path> trustAnchors, @DefaultValue("15s") Duration allowedClockSkew) {

    /** The environment variable operators set; every startup refusal names it. */
    public static final String TRUST_ANCHORS_VARIABLE =
            "CONNECTOR_KEY_ATTESTATION_TRUST_ANCHORS (connector.key-attestation.trust-anchors)";

    public KeyAttestationProperties {
        trustAnchors = trustAnchors == null ? List.of()
                : trustAnchors.stream().filter(Objects::nonNull).filter(p -> !p.toString().isBlank()).toList();
        if (allowedClockSkew.isNegative() || allowedClockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("CONNECTOR_KEY_ATTESTATION_ALLOWED_CLOCK_SKEW must be between 0 and 5m");
        }
    }
}
