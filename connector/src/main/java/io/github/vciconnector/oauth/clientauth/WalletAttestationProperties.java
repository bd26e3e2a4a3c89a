package io.github.vciconnector.oauth.clientauth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Wallet attestation settings, bound from {@code connector.wallet-attestation.*}; the trust anchors come from
 * {@code CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS} (comma-separated PEM files of wallet-provider CAs).
 *
 * @param trustAnchors     PEM files whose certificates may anchor a wallet attestation's {@code x5c} (ABCA-2, -8)
 * @param popMaxAge        how old a PoP's {@code iat} may be; also how long its {@code jti} is remembered (ABCA-5)
 * @param allowedClockSkew how far in the future {@code iat} / {@code nbf} may lie
 */
@ConfigurationProperties("connector.wallet-attestation")
public record WalletAttestationProperties(List<Path> trustAnchors,
                                          @DefaultValue("5m") Duration popMaxAge,
                                          @DefaultValue("15s") Duration allowedClockSkew) {

    /** The environment variable operators set; every startup refusal names it. */
    public static final String TRUST_ANCHORS_VARIABLE =
            "CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS (connector.wallet-attestation.trust-anchors)";

    public WalletAttestationProperties {
        // An empty variable means "not set", not "the current directory".
        trustAnchors = trustAnchors == null ? List.of()
                : trustAnchors.stream().filter(Objects::nonNull).filter(p -> !p.toString().isBlank()).toList();
        if (popMaxAge.isNegative() || popMaxAge.isZero() || popMaxAge.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("CONNECTOR_WALLET_ATTESTATION_POP_MAX_AGE must be between 1s and 1h");
        }
        if (allowedClockSkew.isNegative() || allowedClockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("CONNECTOR_WALLET_ATTESTATION_ALLOWED_CLOCK_SKEW must be between 0 and 5m");
        }
    }
}
