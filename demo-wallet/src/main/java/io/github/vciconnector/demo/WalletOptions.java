package io.github.vciconnector.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of a {@link WalletClient}. {@code keyProofs} null means plain {@link JwtKeyProofs} with {@code iss} =
 * {@code clientId}; {@code trace} receives one short line per protocol step (never secrets).
 */
public record WalletOptions(String clientId, ClientAttestationProvider clientAttestation, KeyProofProvider keyProofs,
                            Clock clock, Duration requestTimeout, Consumer<String> trace) {

    public static final String DEFAULT_CLIENT_ID = "demo-wallet";

    public WalletOptions {
        clientAttestation = Objects.requireNonNullElse(clientAttestation, ClientAttestationProvider.NONE);
        clock = Objects.requireNonNullElse(clock, Clock.systemUTC());
        keyProofs = Objects.requireNonNullElse(keyProofs, new JwtKeyProofs(clientId, clock));
        requestTimeout = Objects.requireNonNullElse(requestTimeout, Duration.ofSeconds(30));
        trace = Objects.requireNonNullElse(trace, line -> { });
    }

    /** client_id {@code demo-wallet}, no wallet attestation, plain jwt proofs, system clock, 30 s timeout. */
    public static WalletOptions defaults() {
        return new WalletOptions(DEFAULT_CLIENT_ID, null, null, null, null, null);
    }

    public WalletOptions withClientId(String id) {
        // keep a custom proof provider, but rebuild the default one so iss follows the new client_id
        KeyProofProvider proofs = keyProofs instanceof JwtKeyProofs ? null : keyProofs;
        return new WalletOptions(id, clientAttestation, proofs, clock, requestTimeout, trace);
    }

    public WalletOptions withClientAttestation(ClientAttestationProvider provider) {
        return new WalletOptions(clientId, provider, keyProofs, clock, requestTimeout, trace);
    }

    public WalletOptions withKeyProofs(KeyProofProvider provider) {
        return new WalletOptions(clientId, clientAttestation, provider, clock, requestTimeout, trace);
    }

    public WalletOptions withClock(Clock newClock) {
        KeyProofProvider proofs = keyProofs instanceof JwtKeyProofs ? null : keyProofs;
        return new WalletOptions(clientId, clientAttestation, proofs, newClock, requestTimeout, trace);
    }

    public WalletOptions withTrace(Consumer<String> newTrace) {
        return new WalletOptions(clientId, clientAttestation, keyProofs, clock, requestTimeout, newTrace);
    }
}
