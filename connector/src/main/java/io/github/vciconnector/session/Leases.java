package io.github.vciconnector.session;

import java.time.Duration;
import java.util.Optional;

/**
 * Short exclusive leases across replicas, e.g. "this replica delivers the callbacks of this offer now". A lease
 * carries an owner token: only its owner can release it, so a replica whose lease expired under it never frees the
 * lease another replica took meanwhile. Used by {@code webhook}.
 */
public interface Leases {

    /** What is leased; the namespace is part of the store's key names and never changes (rolling upgrade). */
    enum Kind {
        /** Delivery of one offer's callbacks. */
        CALLBACK_DELIVERY("callback-lease");

        private final String namespace;

        Kind(String namespace) {
            this.namespace = namespace;
        }

        public String namespace() {
            return namespace;
        }
    }

    /** A held lease; {@code ownerToken} is random and known only to the holder. */
    record Lease(Kind kind, String resource, String ownerToken) {

        /** Without the owner token: whoever has it can release the lease. */
        @Override
        public String toString() {
            return "Lease[kind=" + kind + ", resource=" + resource + "]";
        }
    }

    /** Atomic: the lease on {@code resource} for {@code ttl}, or empty while someone else holds it. */
    Optional<Lease> acquire(Kind kind, String resource, Duration ttl);

    /** Atomic: releases the lease if {@code lease} still holds it; a lease since expired and taken by another stays. */
    void release(Lease lease);
}
