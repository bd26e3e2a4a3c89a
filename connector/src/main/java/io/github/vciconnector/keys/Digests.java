package io.github.vciconnector.keys;

import io.github.vciconnector.jose.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * SHA-256 as the store indexes secrets by it (pre-authorized codes, access tokens, idempotency keys: the raw values
 * are never stored), the fixed-size keys under which proof {@code jti}s are remembered, and the constant-time
 * comparison every secret or hash comparison uses.
 */
public final class Digests {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int REPLAY_KEY_BYTES = 16;

    private Digests() {
    }

    /**
     * The store key that remembers a proof's {@code jti} for one key: base64url of the first 16 bytes of
     * SHA-256(thumbprint ":" jti), 22 characters whatever the jti length, so a wallet cannot make replay entries
     * larger (M-2). An RFC 7638 thumbprint is base64url, so the ":" cannot be forged from either side. 128 bits keep
     * accidental collisions (which could only refuse an honest proof as replayed) out of reach.
     */
    public static String replayKey(String keyThumbprint, String jti) {
        byte[] digest = Sha256.digest(keyThumbprint + ':' + jti);
        return B64.encodeToString(Arrays.copyOf(digest, REPLAY_KEY_BYTES));
    }

    /** Constant-time equality of two strings; false when either is null. */
    public static boolean sameHash(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
