package io.github.vciconnector.session;

import java.time.Duration;

/**
 * Remembers values that may be used once, in the spirit of the Nimbus OAuth SDK's {@code SingleUseChecker}: a
 * replayed DPoP proof, client attestation PoP or c_nonce is refused across replicas. Used by {@code oauth.dpop},
 * {@code oauth.clientauth} and {@code issuance}.
 */
public interface SingleUseChecker {

    /**
     * What is used once. Each kind keeps the namespace string it had as a free literal before, odd spelling
     * included ({@code c_nonce} here, while the HKDF label of the c_nonce key is {@code c-nonce}): it is part of
     * the key name in Redis, and replicas of the previous version must see the same keys during a rolling upgrade.
     */
    enum Kind {
        /** The {@code jti} of a DPoP proof (RFC 9449 §11.1), keyed with the proof key's thumbprint. */
        DPOP_JTI("dpop-jti"),
        /** The {@code jti} of an OAuth client attestation PoP (attestation-based client authentication). */
        CLIENT_ATTESTATION_POP_JTI("abca-pop-jti"),
        /** A c_nonce handed out by the Nonce Endpoint (OpenID4VCI §7). */
        C_NONCE("c_nonce");

        private final String namespace;

        Kind(String namespace) {
            this.namespace = namespace;
        }

        /** The namespace in the store's key names; never change it (rolling upgrade). */
        public String namespace() {
            return namespace;
        }
    }

    /** Atomic: true the first time {@code value} is seen for {@code kind} within {@code ttl}. */
    boolean markUsed(Kind kind, String value, Duration ttl);
}
