package io.github.vciconnector.issuance.keyattestation;

import com.nimbusds.jose.jwk.ECKey;

import java.util.List;

/**
 * A verified key attestation (OID4VCI 1.0 App. D): the attested public holder keys in their original order, and
 * the {@code nonce} it was bound to, or null when it carries none.
 */
public record KeyAttestation(List<ECKey> attestedKeys, String nonce) {
    public KeyAttestation {
        attestedKeys = List.copyOf(attestedKeys);
        if (attestedKeys.isEmpty()) throw new IllegalArgumentException("attested_keys must not be empty");
    }
}
