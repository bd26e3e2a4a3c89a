package io.github.vciconnector.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HAIP checks that may be relaxed for development wallets (DESIGN §7a): {@code CONNECTOR_HAIP_WALLET_ATTESTATION}
 * and {@code CONNECTOR_HAIP_KEY_ATTESTATION}. Both default to {@code required}; a relaxation is logged at startup.
 */
@ConfigurationProperties("connector.haip")
public record HaipProperties(@DefaultValue("required") Requirement walletAttestation,
                             @DefaultValue("required") Requirement keyAttestation) {

    /** Whether wallets must present the attestation or may leave it out. */
    public enum Requirement { REQUIRED, OPTIONAL }

    public boolean walletAttestationRequired() {
        return walletAttestation == Requirement.REQUIRED;
    }

    public boolean keyAttestationRequired() {
        return keyAttestation == Requirement.REQUIRED;
    }
}
