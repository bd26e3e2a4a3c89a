package io.github.vciconnector.metadata;

/**
 * What the connector demands of wallets, as far as metadata must advertise it: whether wallet attestation and
 * key attestation are required (HAIP defaults) and how many credentials one request may ask for.
 */
public record WalletTrustPolicy(boolean walletAttestationRequired, boolean keyAttestationRequired, int batchSize) {
    public WalletTrustPolicy {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
    }
}
