package io.github.vciconnector.issuance.keyattestation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Key attestation settings, bound from {@code connector.key-attestation.*}; the trust anchors come from
 * {@code CONNECTOR_KEY_ATTESTATION_TRUST_ANCHORS} (comma-separated PEM files or directories of key-attestation
 * issuer CAs).
 *
 * @param trustAnchors       PEM files or directories whose certificates may anchor a key attestation's {@code x5c} (VCI-KA-1)
 * @param allowedClockSkew   how far in the future a key attestation's {@code iat} may lie
 * @param keyStorage         the {@code key_storage} levels accepted (OID4VCI 1.0 App. D.2), advertised in
 *                           {@code key_attestations_required}; empty = no constraint
 * @param userAuthentication the {@code user_authentication} levels accepted, likewise
 */
@ConfigurationProperties("connector.key-attestation")
public record KeyAttestationProperties(List<Path> trustAnchors, @DefaultValue("15s") Duration allowedClockSkew,
                                       @DefaultValue(HIGH) List<String> keyStorage,
                                       @DefaultValue(HIGH) List<String> userAuthentication) {

    /** The environment variable operators set; every startup refusal names it. */
    public static final String TRUST_ANCHORS_VARIABLE =
            "CONNECTOR_KEY_ATTESTATION_TRUST_ANCHORS (connector.key-attestation.trust-anchors)";
    /** App. D.2: the highest attack potential resistance (ISO/IEC 18045), what production EUDI wallets expect. */
    public static final String HIGH = "iso_18045_high";
    private static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    @ConstructorBinding
    public KeyAttestationProperties {
        trustAnchors = trustAnchors == null ? List.of()
                : trustAnchors.stream().filter(Objects::nonNull).filter(p -> !p.toString().isBlank()).toList();
        if (allowedClockSkew.isNegative() || allowedClockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("CONNECTOR_KEY_ATTESTATION_ALLOWED_CLOCK_SKEW must be between 0 and 5m");
        }
        keyStorage = levels("CONNECTOR_KEY_ATTESTATION_KEY_STORAGE", keyStorage);
        userAuthentication = levels("CONNECTOR_KEY_ATTESTATION_USER_AUTHENTICATION", userAuthentication);
    }

    /** Defaults for both levels ({@value #HIGH}), as bound when only anchors and skew are set. */
    public KeyAttestationProperties(List<Path> trustAnchors, Duration allowedClockSkew) {
        this(trustAnchors, allowedClockSkew, List.of(HIGH), List.of(HIGH));
    }

    /** An explicitly empty setting binds to an empty list (or, from some sources, to one blank entry): no constraint. */
    private static List<String> levels(String setting, List<String> values) {
        if (values == null) return List.of();
        List<String> levels = values.stream().filter(Objects::nonNull).map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
        for (String level : levels) {
            if (!LEVEL.matcher(level).matches()) throw new IllegalArgumentException(setting + " holds an invalid level name");
        }
        return levels;
    }
}
