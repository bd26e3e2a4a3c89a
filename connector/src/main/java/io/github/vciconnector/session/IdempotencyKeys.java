package io.github.vciconnector.session;

import java.time.Duration;

/**
 * Idempotency keys of offer creation (the management API's {@code Idempotency-Key}). Used by {@code offer}.
 * Entries live in the {@value #NAMESPACE} namespace, part of the store's key names (rolling upgrade).
 */
public interface IdempotencyKeys {

    String NAMESPACE = "offer-idempotency";

    /**
     * Atomic: stores {@code value} under {@code keyHash} for {@code ttl} unless an entry exists; returns the existing
     * value, or null if stored.
     */
    String putIfAbsent(String keyHash, String value, Duration ttl);
}
