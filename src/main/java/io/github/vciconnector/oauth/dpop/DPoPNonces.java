package io.github.vciconnector.oauth.dpop;

import io.github.vciconnector.session.ServerKey;
import io.github.vciconnector.session.SessionStore;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Server-provided DPoP nonces (RFC 9449 §8, §9) that need no per-nonce state: a nonce is a time bucket number
 * followed by a truncated HMAC of it, so any replica sharing the {@link SessionStore} (and so the key) accepts it.
 * A nonce is valid during its own bucket and the next one, i.e. for one to two nonce lifetimes.
 */
public final class DPoPNonces {

    private static final int BUCKET_BYTES = 8;
    private static final int MAC_BYTES = 16;
    /** base64url without padding of 24 bytes; anything else is rejected before decoding. */
    private static final int NONCE_LENGTH = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The nonces of one bucket and its predecessor, computed once per bucket instead of per request. */
    private record Window(long bucket, String current, byte[] currentBytes, byte[] previousBytes) {
    }

    private final Clock clock;
    private final long bucketMillis;
    private final ServerKey key;
    private volatile Window window;

    public DPoPNonces(SessionStore store, Clock clock, SecureRandom random, DPoPProperties properties) {
        this.clock = clock;
        this.key = new ServerKey(store, "dpop", "nonce-key", random, clock);
        this.bucketMillis = properties.nonceLifetime().toMillis();
    }

    /** The nonce to send in a {@code DPoP-Nonce} header now. */
    public String current() {
        return window().current();
    }

    /** True if {@code nonce} was issued by a replica sharing this store in the current or previous bucket. */
    public boolean isValid(String nonce) {
        if (nonce == null || nonce.length() != NONCE_LENGTH) return false;
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return false;
        }
        var w = window();
        // Both comparisons run every time so timing reveals nothing about which bucket matched
        boolean current = MessageDigest.isEqual(presented, w.currentBytes());
        boolean previous = MessageDigest.isEqual(presented, w.previousBytes());
        return current | previous;
    }

    private Window window() {
        long bucket = Math.floorDiv(clock.millis(), bucketMillis);
        var w = window;
        if (w == null || w.bucket() != bucket) {
            byte[] current = nonceBytes(bucket);
            byte[] previous = w != null && w.bucket() == bucket - 1 ? w.currentBytes() : nonceBytes(bucket - 1);
            w = new Window(bucket, ENCODER.encodeToString(current), current, previous);
            window = w; // a racing thread computes the same values, so last write wins harmlessly
        }
        return w;
    }

    private byte[] nonceBytes(long bucket) {
        byte[] bucketBytes = ByteBuffer.allocate(BUCKET_BYTES).putLong(bucket).array();
        byte[] tag = key.mac(bucketBytes);
        return ByteBuffer.allocate(BUCKET_BYTES + MAC_BYTES).put(bucketBytes).put(tag, 0, MAC_BYTES).array();
    }
}
