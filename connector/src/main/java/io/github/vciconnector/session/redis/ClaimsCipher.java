package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.ServerSecrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts an offer's claims for Redis: AES-256-GCM under a key derived from the master secret, a fresh 96-bit
 * nonce per write, and the offer id as associated data, so a ciphertext copied into another offer does not
 * decrypt. The stored form is base64url of {@code nonce || ciphertext || tag}. During a rotation, claims written
 * under the previous master secret still decrypt.
 */
final class ClaimsCipher {

    static final String LABEL = "claims-encryption";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** Thrown when stored claims do not decrypt under any accepted key; carries no stored content. */
    static final class UnreadableClaimsException extends RuntimeException {
        UnreadableClaimsException(String message) {
            super(message);
        }
    }

    private final List<SecretKeySpec> keys;
    private final SecureRandom random;

    ClaimsCipher(ServerSecrets secrets, SecureRandom random) {
        var list = new ArrayList<SecretKeySpec>(2);
        for (byte[] key : secrets.derive(LABEL, KEY_BYTES)) list.add(new SecretKeySpec(key, "AES"));
        this.keys = List.copyOf(list);
        this.random = random;
    }

    String seal(byte[] plaintext, String offerId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(0), nonce, offerId);
            byte[] sealed = cipher.doFinal(plaintext);
            return B64.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The claims bytes; throws {@link UnreadableClaimsException} when no accepted key opens them for this offer. */
    byte[] open(String sealed, String offerId) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new UnreadableClaimsException("stored claims are not base64url");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) throw new UnreadableClaimsException("stored claims are too short");
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        for (SecretKeySpec key : keys) {
            try {
                return cipher(Cipher.DECRYPT_MODE, key, nonce, offerId).doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            } catch (AEADBadTagException e) {
                // not this key (or not this offer): try the next one
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM unavailable", e);
            }
        }
        throw new UnreadableClaimsException("stored claims do not decrypt for this offer under the current or previous master secret");
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String offerId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(offerId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
