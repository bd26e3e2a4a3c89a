package io.github.vciconnector.oauth.dpop;

import io.github.vciconnector.session.ServerKey;
import io.github.vciconnector.session.ServerSecrets;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Server-provided DPoP nonces (RFC 9449 §8, §9) that need no per-nonce state: a nonce is a time bucket number
 * followed by a truncated HMAC of it, so any replica with the same master secret ({@link ServerSecrets}) accepts
 * it. A nonce is valid during its own bucket and the next one, i.e. for one to two nonce lifetimes; during a
 * rotation also when made under the previous master secret.
 */
public final class DPoPNonces {

    private static final int BUCKET_BYTES = 8;
    private static final int MAC_BYTES = 16;
    /** base64url without padding of 24 bytes; anything else is rejected before decoding. */
    private static final int NONCE_LENGTH = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The nonce of one bucket and every nonce accepted in it, computed once per bucket instead of per request. */
    private record Window(long bucket, String current, List<byte[]> accepted) {
    }

    private final Clock clock;
    private final long bucketMillis;
    private final ServerKey key;
    private volatile Window window;

    public DPoPNonces(ServerSecrets secrets, Clock clock, DPoPProperties properties) {
        this.clock = clock;
        this.key = secrets.hmacKey("dpop-nonce");
        this.bucketMillis = properties.nonceLifetime().toMillis();
    }

    /** The nonce to send in a {@code DPoP-Nonce} header now. */
    public String current() {
        return window().current();
    }

    /** True if {@code nonce} was issued by a replica with the same master secret in the current or previous bucket. */
    public boolean isValid(String nonce) {
        if (nonce == null || nonce.length() != NONCE_LENGTH) return false;
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Every comparison runs every time so timing reveals nothing about which bucket or key matched
        boolean match = false;
        for (byte[] accepted : window().accepted()) match |= MessageDigest.isEqual(presented, accepted);
        return match;
    }

    private Window window() {
        long bucket = Math.floorDiv(clock.millis(), bucketMillis);
        var w = window;
        if (w == null || w.bucket() != bucket) {
            var accepted = new ArrayList<byte[]>(4);
            accepted.addAll(nonceBytes(bucket));
            accepted.addAll(nonceBytes(bucket - 1));
            // The first is this bucket's nonce under the current key: the one handed out
            w = new Window(bucket, ENCODER.encodeToString(accepted.get(0)), List.copyOf(accepted));
            window = w; // a racing thread computes the same values, so last write wins harmlessly
        }
        return w;
    }

    /** The nonces of {@code bucket} under every accepted key, current first. */
    private List<byte[]> nonceBytes(long bucket) {
        byte[] bucketBytes = ByteBuffer.allocate(BUCKET_BYTES).putLong(bucket).array();
        var nonces = new ArrayList<byte[]>(2);
        for (byte[] tag : key.accepted(bucketBytes)) {
            nonces.add(ByteBuffer.allocate(BUCKET_BYTES + MAC_BYTES).put(bucketBytes).put(tag, 0, MAC_BYTES).array());
        }
        return nonces;
    }
}
