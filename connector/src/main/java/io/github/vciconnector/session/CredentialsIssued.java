package io.github.vciconnector.session;

import java.time.Instant;

/**
 * Published after each Credential Response was produced; wakes the delivery of the ISSUED callback, which the first
 * response queued (EUDI-16: not gated on notifications).
 */
public record CredentialsIssued(String offerId, String credentialConfigurationId, int count, Instant at) {
}
