package io.github.vciconnector.issuance;

import java.util.List;

/**
 * The {@code proofs} of a Credential Request (OID4VCI 1.0 §8.2, App. F): exactly one proof type, parsed once by
 * {@link CredentialRequest#parse}, so {@link KeyProofVerifier} checks signatures and nonces, never JSON shapes.
 */
public sealed interface KeyProofs permits KeyProofs.JwtProofs, KeyProofs.AttestationProof {

    /** The proof type name, the member of {@code proofs}. */
    String type();

    /**
     * {@code "jwt": [...]}: one or more compact {@code openid4vci-proof+jwt}, in request order. Duplicates are kept:
     * whether two proofs use one key is the verifier's question (RFC 7638 thumbprints, not strings).
     */
    record JwtProofs(List<String> jwts) implements KeyProofs {

        public static final String TYPE = "jwt";

        public JwtProofs {
            jwts = List.copyOf(jwts);
            if (jwts.isEmpty()) throw new IllegalArgumentException("at least one proof is required");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code "attestation": [one key-attestation+jwt]}, VCI-PRF-6: no proof of possession. */
    record AttestationProof(String keyAttestation) implements KeyProofs {

        public static final String TYPE = "attestation";

        public AttestationProof {
            if (keyAttestation == null) throw new IllegalArgumentException("key attestation is required");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }
}
