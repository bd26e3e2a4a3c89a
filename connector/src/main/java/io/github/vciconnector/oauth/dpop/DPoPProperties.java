package io.github.vciconnector.oauth.dpop;

import com.nimbusds.jose.JWSAlgorithm;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DPoP settings, bound from {@code connector.dpop.*}: server nonces (RFC 9449 §8, §9), the accepted proof age and
 * the proof signing algorithms (asymmetric EC algorithms only, ES256 always included as HAIP requires it).
 */
@Validated
@ConfigurationProperties("connector.dpop")
public record DPoPProperties(
        @DefaultValue("true") boolean nonceRequired,
        @DefaultValue("5m") Duration nonceLifetime,
        @DefaultValue("60s") Duration proofMaxAge,
        @DefaultValue("15s") Duration allowedClockSkew,
        @DefaultValue("ES256") @NotEmpty Set<String> signingAlgorithms) {

    public DPoPProperties {
        requirePositive(nonceLifetime, "nonce-lifetime");
        if (nonceLifetime.getSeconds() < 1)
            throw new IllegalArgumentException("connector.dpop.nonce-lifetime must be at least 1s");
        requirePositive(proofMaxAge, "proof-max-age");
        if (allowedClockSkew == null || allowedClockSkew.isNegative())
            throw new IllegalArgumentException("connector.dpop.allowed-clock-skew must not be negative");
        signingAlgorithms = Set.copyOf(signingAlgorithms == null ? Set.of() : signingAlgorithms);
        for (String name : signingAlgorithms) {
            // The EC family is what Nimbus verifies with EC keys; this excludes none, HMAC, RSA and EdDSA
            if (!JWSAlgorithm.Family.EC.contains(JWSAlgorithm.parse(name)))
                throw new IllegalArgumentException("connector.dpop.signing-algorithms: " + name
                        + " is not an asymmetric EC algorithm (allowed: " + JWSAlgorithm.Family.EC + ")");
        }
        if (!signingAlgorithms.contains(JWSAlgorithm.ES256.getName()))
            throw new IllegalArgumentException("connector.dpop.signing-algorithms must include ES256 (HAIP)");
    }

    /** The configured algorithms as Nimbus objects; callers convert once at construction. */
    public Set<JWSAlgorithm> jwsAlgorithms() {
        return signingAlgorithms.stream().map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero())
            throw new IllegalArgumentException("connector.dpop." + name + " must be positive");
    }
}
