package io.github.vciconnector.issuance;

import java.time.Instant;

/** Published after a Credential Response was produced; drives the ISSUED callback (EUDI-16: not gated on notifications). */
public record CredentialsIssued(String offerId, String credentialConfigurationId, int count, Instant at) {
}
