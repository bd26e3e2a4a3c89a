package io.github.vciconnector.session;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A named HMAC-SHA256 key that every replica sharing a {@link SessionStore} agrees on: each offers a random
 * candidate, the store keeps the first ({@link SessionStore#getOrCreate}). It is read again every minute, so if the
 * store lost it (a Redis restart without persistence) the replicas converge on the new one instead of disagreeing
 * for as long as they run. A {@link Mac} per thread keeps {@code Mac.getInstance} off the request path.
 */
public final class ServerKey {

    static final Duration REFRESH = Duration.ofMinutes(1);
    private static final int KEY_BYTES = 32;

    private record Loaded(SecretKeySpec key, Instant at) {
    }

    private record ThreadMac(SecretKeySpec key, Mac mac) {
    }

    private final SessionStore store;
    private final String namespace;
    private final String name;
    private final SecureRandom random;
    private final Clock clock;
    private final ThreadLocal<ThreadMac> macs = new ThreadLocal<>();
    private volatile Loaded loaded;

    public ServerKey(SessionStore store, String namespace, String name, SecureRandom random, Clock clock) {
        this.store = store;
        this.namespace = namespace;
        this.name = name;
        this.random = random;
        this.clock = clock;
    }

    /** HMAC-SHA256 of {@code input} under this key. */
    public byte[] mac(byte[] input) {
        SecretKeySpec key = key();
        ThreadMac mine = macs.get();
        if (mine == null || mine.key() != key) {
            mine = new ThreadMac(key, newMac(key));
            macs.set(mine);
        }
        return mine.mac().doFinal(input);
    }

    private SecretKeySpec key() {
        Loaded current = loaded;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.at().plus(REFRESH))) {
            synchronized (this) {
                if (loaded == current) loaded = load(current, now); // one thread reads; the others keep the old key meanwhile
                current = loaded;
            }
        }
        return current.key();
    }

    private Loaded load(Loaded previous, Instant now) {
        byte[] candidate = new byte[KEY_BYTES];
        random.nextBytes(candidate);
        String stored = store.getOrCreate(namespace, name, Base64.getUrlEncoder().withoutPadding().encodeToString(candidate));
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored key " + namespace + ":" + name + " is not base64url", e);
        }
        if (bytes.length < KEY_BYTES) throw new IllegalStateException("stored key " + namespace + ":" + name + " is too short");
        var key = new SecretKeySpec(bytes, "HmacSHA256");
        // Keep the same instance when nothing changed, so the per-thread Macs stay valid.
        return new Loaded(previous != null && previous.key().equals(key) ? previous.key() : key, now);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
