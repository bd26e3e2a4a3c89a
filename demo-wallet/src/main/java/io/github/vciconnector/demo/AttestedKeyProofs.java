package io.github.vciconnector.demo;

import com.nimbusds.jose.jwk.ECKey;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Key proofs with key attestation, as the newer EUDI libraries send them (EUDI-5): ONE {@code jwt} proof whose
 * header carries {@code key_attestation} (all holder keys, in order, bound to the c_nonce) and {@code kid} "0",
 * signed by the first attested key; or, with {@code attestationProofType}, {@code {"attestation": [<KA>]}}.
 */
public final class AttestedKeyProofs implements KeyProofProvider {

    private final WalletProvider provider;
    private final String clientId;
    private final boolean attestationProofType;
    private final Clock clock;

    public AttestedKeyProofs(WalletProvider provider, String clientId, boolean attestationProofType, Clock clock) {
        this.provider = provider;
        this.clientId = clientId;
        this.attestationProofType = attestationProofType;
        this.clock = clock;
    }

    /** The same wallet, sending the {@code attestation} proof type instead (App. F.3). */
    public AttestedKeyProofs withAttestationProofType() {
        return new AttestedKeyProofs(provider, clientId, true, clock);
    }

    @Override
    public Map<String, Object> proofs(List<ECKey> holderKeys, String cNonce, String audience) {
        String keyAttestation = provider.keyAttestation(holderKeys, cNonce).build();
        if (attestationProofType) return Map.of("attestation", List.of(keyAttestation));
        String proof = JwtKeyProofs.builder(holderKeys.get(0), audience, cNonce, clientId, clock.instant())
                .header("jwk", null)
                .header("kid", "0")
                .header("key_attestation", keyAttestation)
                .build();
        return Map.of("jwt", List.of(proof));
    }

    public boolean attestationProofType() {
        return attestationProofType;
    }
}
