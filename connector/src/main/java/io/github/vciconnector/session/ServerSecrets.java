package io.github.vciconnector.session;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The master secret every server key is derived from (HKDF-SHA256, RFC 5869, one label per key), and during a
 * rotation the previous one, whose keys are still accepted for verification and decryption. Neither the master
 * secret nor a derived key is ever written to the store: with Redis the operator supplies the master
 * secret ({@link ServerSecretsProperties}); the in-memory store draws one at startup.
 */
public final class ServerSecrets {

    /** Shortest master secret accepted: 256 bits, the strength of every key derived from it. */
    public static final int MIN_BYTES = 32;
    /** Fewer distinct byte values than this in 32 random bytes has a probability far below 2^-60. */
    private static final int MIN_DISTINCT_BYTES = 16;
    private static final byte[] SALT = "io.github.vciconnector server keys v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] current;
    private final byte[] previous;

    private ServerSecrets(byte[] current, byte[] previous) {
        this.current = current.clone();
        this.previous = previous == null ? null : previous.clone();
    }

    /** A fresh random master secret for a single instance whose state dies with it (the in-memory store). */
    public static ServerSecrets random(SecureRandom random) {
        byte[] secret = new byte[MIN_BYTES];
        random.nextBytes(secret);
        return new ServerSecrets(secret, null);
    }

    /**
     * Operator-supplied master secrets; each must pass {@link #requireStrong}.
     *
     * @param previous the master secret before the last rotation, or null
     */
    public static ServerSecrets of(byte[] current, byte[] previous) {
        requireStrong(current, "master secret");
        if (previous != null) {
            requireStrong(previous, "previous master secret");
            if (Arrays.equals(current, previous)) throw new IllegalArgumentException("the previous master secret equals the current one");
        }
        return new ServerSecrets(current, previous);
    }

    /**
     * Refuses a secret shorter than {@link #MIN_BYTES} or one that is obviously not random (few distinct bytes,
     * e.g. all the same, or a constant step such as 0, 1, 2, ...). The message names {@code what}, never the value.
     */
    public static void requireStrong(byte[] secret, String what) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalArgumentException(what + " has " + secret.length + " bytes, at least " + MIN_BYTES + " random bytes are needed");
        }
        boolean[] seen = new boolean[256];
        int distinct = 0;
        boolean constantStep = true;
        for (int i = 0; i < secret.length; i++) {
            if (!seen[secret[i] & 0xff]) {
                seen[secret[i] & 0xff] = true;
                distinct++;
            }
            if (i > 1 && (byte) (secret[i] - secret[i - 1]) != (byte) (secret[1] - secret[0])) constantStep = false;
        }
        if (distinct < MIN_DISTINCT_BYTES || constantStep) throw new IllegalArgumentException(what + " does not look random");
    }

    /** True while a previous master secret is configured (a rotation in its grace period). */
    public boolean hasPrevious() {
        return previous != null;
    }

    /**
     * The key of {@code length} bytes for {@code label}: under the current master secret first, then under the
     * previous one if configured. Distinct labels give independent keys.
     */
    public List<byte[]> derive(String label, int length) {
        var keys = new ArrayList<byte[]>(2);
        keys.add(hkdf(current, label, length));
        if (previous != null) keys.add(hkdf(previous, label, length));
        return keys;
    }

    /** The HMAC-SHA256 key for {@code label}. */
    public ServerKey hmacKey(String label) {
        return new ServerKey(derive(label, MIN_BYTES));
    }

    @Override
    public String toString() {
        return "ServerSecrets[****" + (previous != null ? ", previous ****" : "") + "]";
    }

    private static byte[] hkdf(byte[] secret, String label, int length) {
        var generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(secret, SALT, label.getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[length];
        generator.generateBytes(key, 0, length);
        return key;
    }
}
