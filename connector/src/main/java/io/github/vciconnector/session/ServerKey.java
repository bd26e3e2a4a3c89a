package io.github.vciconnector.session;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A named HMAC-SHA256 key derived from the {@link ServerSecrets} at startup, so every replica with the same master
 * secret computes the same MACs. New values are made with the current key ({@link #mac}); during a rotation a
 * value made under the previous master secret still verifies ({@link #accepted}). A {@link Mac} per thread and
 * key keeps {@code Mac.getInstance} off the request path.
 */
public final class ServerKey {

    private final List<ThreadLocal<Mac>> macs;

    ServerKey(List<byte[]> keys) {
        var list = new ArrayList<ThreadLocal<Mac>>(keys.size());
        for (byte[] key : keys) {
            var spec = new SecretKeySpec(key, "HmacSHA256");
            list.add(ThreadLocal.withInitial(() -> newMac(spec)));
        }
        this.macs = List.copyOf(list);
    }

    /** HMAC-SHA256 of {@code input} under the current key: for every value made now. */
    public byte[] mac(byte[] input) {
        return macs.get(0).get().doFinal(input);
    }

    /**
     * HMAC-SHA256 of {@code input} under every key still accepted, current first: a presented value is genuine when
     * it matches any of them.
     */
    public List<byte[]> accepted(byte[] input) {
        var result = new ArrayList<byte[]>(macs.size());
        for (ThreadLocal<Mac> mac : macs) result.add(mac.get().doFinal(input));
        return result;
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
