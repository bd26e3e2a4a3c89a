package io.github.vciconnector.issuance;

import io.github.vciconnector.session.ServerKey;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.SingleUseChecker;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * c_nonce values of the Nonce Endpoint (OID4VCI 1.0 §7). A nonce is {@code expiry || 16 random bytes || MAC}, so
 * the unauthenticated endpoint stores nothing (no memory to exhaust); a nonce is stored only when a proof uses it,
 * which makes it single use across replicas (VCI-NONCE-5).
 */
public class CNonces {

    private static final int EXPIRY = 8;
    private static final int RANDOM = 16;
    private static final int MAC = 16;

    private final SingleUseChecker store;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration lifetime;
    private final ServerKey key;

    public CNonces(SingleUseChecker store, ServerSecrets secrets, SecureRandom random, Clock clock, IssuanceProperties properties) {
        this.store = store;
        this.random = random;
        this.key = secrets.hmacKey("c-nonce");
        this.clock = clock;
        this.lifetime = properties.cNonceLifetime();
    }

    public String issue() {
        var buffer = ByteBuffer.allocate(EXPIRY + RANDOM + MAC);
        buffer.putLong(clock.millis() + lifetime.toMillis());
        byte[] nonce = new byte[RANDOM];
        random.nextBytes(nonce);
        buffer.put(nonce);
        buffer.put(key.mac(Arrays.copyOf(buffer.array(), EXPIRY + RANDOM)), 0, MAC);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** True exactly once for a nonce this connector issued and that has not expired. */
    public boolean consume(String cNonce) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cNonce);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (bytes.length != EXPIRY + RANDOM + MAC) return false;
        if (!genuine(bytes)) return false;
        long remaining = ByteBuffer.wrap(bytes).getLong() - clock.millis();
        if (remaining <= 0) return false;
        return store.markUsed(SingleUseChecker.Kind.C_NONCE, cNonce, Duration.ofMillis(remaining));
    }

    /** The MAC matches under a key still accepted: a nonce issued just before a rotation stays usable. */
    private boolean genuine(byte[] nonce) {
        byte[] presented = Arrays.copyOfRange(nonce, EXPIRY + RANDOM, nonce.length);
        boolean match = false;
        for (byte[] mac : key.accepted(Arrays.copyOf(nonce, EXPIRY + RANDOM))) {
            match |= MessageDigest.isEqual(Arrays.copyOf(mac, MAC), presented);
        }
        return match;
    }
}
