package io.github.vciconnector.offer;

import io.github.vciconnector.session.ServerKey;
import io.github.vciconnector.session.SessionStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

/**
 * Derives an offer's secrets from its id with a server key, so the store never holds them: the pre-authorized
 * code (recomputed when the wallet fetches the offer; only its SHA-256 is stored), the public offer reference
 * (unguessable even to someone who sees offer ids in logs), and the keyed hashes of a Transaction Code and of
 * an idempotent request.
 * The key is created once per store, so every replica sharing the store derives the same values.
 */
public final class OfferSecrets {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int ID_CHARS = 22; // 16 random bytes, base64url

    private final SecureRandom random;
    private final ServerKey key;

    public OfferSecrets(SessionStore store, SecureRandom random, Clock clock) {
        this.random = random;
        this.key = new ServerKey(store, "keys", "offer-secrets", random, clock);
    }

    /** A new offer id: 128 random bits (VCI-OFR-3). */
    public String newOfferId() {
        return randomToken(16);
    }

    public String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return B64.encodeToString(value);
    }

    /** The pre-authorized code of an offer: 256 bits, recomputable, never stored. */
    public String preAuthorizedCode(String offerId) {
        return B64.encodeToString(mac("pre-authorized-code:" + offerId));
    }

    /** The last path segment of the public {@code credential_offer_uri}. */
    public String offerReference(String offerId) {
        return offerId + B64.encodeToString(Arrays.copyOf(mac("offer-reference:" + offerId), 16));
    }

    /** The offer id inside a reference, or null when the reference was not made by this connector. */
    public String offerIdFromReference(String reference) {
        if (reference == null || reference.length() != 2 * ID_CHARS) return null;
        String offerId = reference.substring(0, ID_CHARS);
        byte[] expected = offerReference(offerId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, reference.getBytes(StandardCharsets.US_ASCII)) ? offerId : null;
    }

    /** Keyed hash of a Transaction Code, bound to its offer so equal codes of two offers differ. */
    public String txCodeHash(String offerId, String txCode) {
        return B64.encodeToString(mac("tx-code:" + offerId + ":" + txCode));
    }

    /**
     * Keyed hash of a canonical request, kept with an Idempotency-Key. Keyed, because the request holds claims and a
     * plain hash of low-entropy personal data could be reversed by guessing.
     */
    public String requestFingerprint(String canonicalRequest) {
        return B64.encodeToString(mac("idempotent-request:" + canonicalRequest));
    }

    private byte[] mac(String input) {
        return key.mac(input.getBytes(StandardCharsets.UTF_8));
    }
}
