package io.github.vciconnector.session;

import java.time.Duration;

/** Counts attempts across replicas, e.g. wrong Transaction Codes per offer. Used by {@code oauth}. */
public interface AttemptCounters {

    /** What is counted; the namespace is part of the store's key names and never changes (rolling upgrade). */
    enum Kind {
        /** Transaction Code attempts of one offer (OpenID4VCI §6.1, a bounded number of tries). */
        TX_CODE("tx-code-attempts");

        private final String namespace;

        Kind(String namespace) {
            this.namespace = namespace;
        }

        public String namespace() {
            return namespace;
        }
    }

    /** Atomic counter with a TTL set on first increment; returns the new value. */
    long increment(Kind kind, String key, Duration ttl);
}
