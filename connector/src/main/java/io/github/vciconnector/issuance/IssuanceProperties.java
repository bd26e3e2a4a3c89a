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
 * @param maxCredentialsPerOffer most credentials all Credential Requests of one offer (one access token) may get
 *                               together (VCI-CRS-6); defaults to {@code batchSize}
 */
@ConfigurationProperties("connector.issuance")
public record IssuanceProperties(@DefaultValue("5m") Duration cNonceLifetime,
                                 @DefaultValue("5m") Duration proofMaxAge,
                                 @DefaultValue("15s") Duration allowedClockSkew,
                                 @DefaultValue("10") int batchSize,
                                 Integer maxCredentialsPerOffer) {
    public IssuanceProperties {
        if (batchSize < 1 || batchSize > 100) throw new IllegalArgumentException("connector.issuance.batch-size must be 1 to 100");
        if (maxCredentialsPerOffer == null) maxCredentialsPerOffer = batchSize;
        if (maxCredentialsPerOffer < batchSize || maxCredentialsPerOffer > 1000) {
            throw new IllegalArgumentException("CONNECTOR_ISSUANCE_MAX_CREDENTIALS_PER_OFFER (connector.issuance.max-credentials-per-offer) "
                    + "must be from CONNECTOR_ISSUANCE_BATCH_SIZE (" + batchSize + ") to 1000, so that one full batch fits");
        }
        if (cNonceLifetime.isNegative() || cNonceLifetime.isZero()) throw new IllegalArgumentException("connector.issuance.c-nonce-lifetime must be positive");
    }
}
