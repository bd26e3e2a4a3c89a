package io.github.vciconnector.issuance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Credential endpoint settings, bound from {@code connector.issuance.*}.
 *
 * @param cNonceLifetime how long a c_nonce from the Nonce Endpoint may be used (VCI-NONCE-5)
 * @param proofMaxAge how old a key proof's {@code iat} may be
 * @param allowedClockSkew how far in the future a key proof's {@code iat} may be
 * @param batchSize most credentials (keys) one Credential Request may ask for (VCI-MD-10)
 */
@ConfigurationProperties("connector.issuance")
public record IssuanceProperties(@DefaultValue("5m") Duration cNonceLifetime,
                                 @DefaultValue("5m") Duration proofMaxAge,
                                 @DefaultValue("15s") Duration allowedClockSkew,
                                 @DefaultValue("10") int batchSize) {
    public IssuanceProperties {
        if (batchSize < 1 || batchSize > 100) throw new IllegalArgumentException("connector.issuance.batch-size must be 1 to 100");
        if (cNonceLifetime.isNegative() || cNonceLifetime.isZero()) throw new IllegalArgumentException("connector.issuance.c-nonce-lifetime must be positive");
    }
}
