package io.github.vciconnector.metadata;

import java.util.List;

/**
 * What the connector demands of wallets, as far as metadata must advertise it: whether wallet attestation and
 * key attestation are required (HAIP defaults), the key storage and user authentication levels a key attestation
 * must assert (OID4VCI 1.0 App. D.2; empty = no constraint), and how many credentials one request may ask for.
 */
public record WalletTrustPolicy(boolean walletAttestationRequired, boolean keyAttestationRequired, int batchSize,
                                List<String> keyStorage, List<String> userAuthentication) {
    public WalletTrustPolicy {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
        keyStorage = List.copyOf(keyStorage);
        userAuthentication = List.copyOf(userAuthentication);
    }

    /** Without level constraints: {@code key_attestations_required} is then {@code {}}. */
    public WalletTrustPolicy(boolean walletAttestationRequired, boolean keyAttestationRequired, int batchSize) {
        this(walletAttestationRequired, keyAttestationRequired, batchSize, List.of(), List.of());
    }
}
