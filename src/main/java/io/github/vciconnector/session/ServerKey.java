package io.github.vciconnector.session;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A named HMAC-SHA256 key that every replica sharing a {@link SessionStore} agrees on: each offers a random
 * candidate, the store keeps the first ({@link SessionStore#getOrCreate}). Read once, then cached; a {@link Mac}
 * per thread keeps {@code Mac.getInstance} off the request path.
 */
public final class ServerKey {

    private static final int KEY_BYTES = 32;

    private final SessionStore store;
    private final String namespace;
    private final String name;
    private final SecureRandom random;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private volatile SecretKeySpec key;

    public ServerKey(SessionStore store, String namespace, String name, SecureRandom random) {
        this.store = store;
        this.namespace = namespace;
        this.name = name;
        this.random = random;
    }

    /** HMAC-SHA256 of {@code input} under this key. */
    public byte[] mac(byte[] input) {
        return macs.get().doFinal(input);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) key = load();
                current = key;
            }
        }
        return current;
    }

    private SecretKeySpec load() {
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
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
