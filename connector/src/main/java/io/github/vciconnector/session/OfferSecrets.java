package io.github.vciconnector.session;

import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.jose.Sha256;
import io.github.vciconnector.keys.Digests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Derives an offer's secrets from its id with a server key, so the store never holds them: the pre-authorized
 * code (recomputed when the wallet fetches the offer; only its SHA-256 is stored), the public offer reference
 * (unguessable even to someone who sees offer ids in logs), and the keyed hashes of a Transaction Code and of
 * an idempotent request.
 * The key comes from the master secret ({@link ServerSecrets}), so every replica derives the same values; new
 * values use the current master secret, and values made under the previous one still verify during a rotation.
 */
public final class OfferSecrets {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int ID_CHARS = 22; // 16 random bytes, base64url

    private final RandomTokens tokens;
    private final ServerKey key;

    public OfferSecrets(ServerSecrets secrets, RandomTokens tokens) {
        this.tokens = tokens;
        this.key = secrets.hmacKey("offer-secrets");
    }

    /** A new offer id: 128 random bits (VCI-OFR-3). */
    public String newOfferId() {
        return tokens.mint(16);
    }

    /** The pre-authorized code of a new offer: 256 bits, recomputable, never stored. */
    public String preAuthorizedCode(String offerId) {
        return B64.encodeToString(key.mac(bytes("pre-authorized-code:" + offerId)));
    }

    /**
     * The pre-authorized code of a stored offer: the one, under a key still accepted, whose SHA-256 is
     * {@code codeHash}. Empty once the master secret it was made under is no longer configured.
     */
    public Optional<String> preAuthorizedCode(String offerId, String codeHash) {
        for (byte[] mac : key.accepted(bytes("pre-authorized-code:" + offerId))) {
            String code = B64.encodeToString(mac);
            if (Digests.sameHash(Sha256.base64Url(code), codeHash)) return Optional.of(code);
        }
        return Optional.empty();
    }

    /** True when {@code code} is the pre-authorized code of {@code offerId} under a key still accepted. */
    public boolean isPreAuthorizedCode(String offerId, String code) {
        return anyMatches(key.accepted(bytes("pre-authorized-code:" + offerId)), code);
    }

    /** The last path segment of the public {@code credential_offer_uri}. */
    public String offerReference(String offerId) {
        return offerId + B64.encodeToString(Arrays.copyOf(key.mac(bytes("offer-reference:" + offerId)), 16));
    }

    /** The offer id inside a reference, or null when the reference was not made under a key still accepted. */
    public String offerIdFromReference(String reference) {
        if (reference == null || reference.length() != 2 * ID_CHARS) return null;
        String offerId = reference.substring(0, ID_CHARS);
        boolean genuine = false;
        for (byte[] mac : key.accepted(bytes("offer-reference:" + offerId))) {
            byte[] expected = (offerId + B64.encodeToString(Arrays.copyOf(mac, 16))).getBytes(StandardCharsets.US_ASCII);
            genuine |= MessageDigest.isEqual(expected, reference.getBytes(StandardCharsets.US_ASCII));
        }
        return genuine ? offerId : null;
    }

    /** A new authorization id (DESIGN §10): 128 random bits. */
    public String newAuthorizationId() {
        return tokens.mint(16);
    }

    /**
     * The reference inside a PAR {@code request_uri} (RFC 9126 §2.2): the authorization id and a MAC, so a guessed or
     * altered reference names nothing, and the store needs no index for it.
     */
    public String requestUriReference(String authorizationId) {
        return signed("request-uri:", authorizationId, 16);
    }

    /** The authorization id inside a request_uri reference, or null when it was not made under a key still accepted. */
    public String authorizationIdFromRequestUri(String reference) {
        return idFromSigned("request-uri:", reference, 16);
    }

    /**
     * The authorization code of an authorization (RFC 6749 §4.1.2): its id and a 192-bit MAC, never stored. Single
     * use comes from the authorization's compare-and-set, not from the code.
     */
    public String authorizationCode(String authorizationId) {
        return signed("authorization-code:", authorizationId, 24);
    }

    /** The authorization id inside a code, or null when the code was not made under a key still accepted. */
    public String authorizationIdFromCode(String code) {
        return idFromSigned("authorization-code:", code, 24);
    }

    /** The {@code issuer_state} of an offer for the authorization code grant (OID4VCI §4.1.1). */
    public String issuerState(String offerId) {
        return signed("issuer-state:", offerId, 16);
    }

    /** The offer id inside an {@code issuer_state}, or null when it was not made under a key still accepted. */
    public String offerIdFromIssuerState(String issuerState) {
        return idFromSigned("issuer-state:", issuerState, 16);
    }

    /**
     * What an offer for the authorization code grant stores where a pre-authorized offer keeps its code's SHA-256:
     * the hash of a value no one is given, so no pre-authorized code redeems it, and which tells the grant apart
     * without a new member in the stored session (replicas of two versions read the same JSON).
     */
    public String authorizationCodeOfferMarker(String offerId) {
        return Sha256.base64Url(B64.encodeToString(key.mac(bytes("authorization-code-offer:" + offerId))));
    }

    /** True when {@code storedHash} is the {@link #authorizationCodeOfferMarker} of the offer under a key still accepted. */
    public boolean isAuthorizationCodeOffer(String offerId, String storedHash) {
        boolean match = false;
        for (byte[] mac : key.accepted(bytes("authorization-code-offer:" + offerId))) {
            match |= Digests.sameHash(Sha256.base64Url(B64.encodeToString(mac)), storedHash);
        }
        return match;
    }

    /**
     * The {@code credential_identifier} handed out in a token response's {@code authorization_details} (OID4VCI §6.2):
     * derived from the offer, so the credential endpoint checks it without state.
     */
    public String credentialIdentifier(String offerId) {
        return B64.encodeToString(Arrays.copyOf(key.mac(bytes("credential-identifier:" + offerId)), 16));
    }

    /** True when {@code identifier} is the {@link #credentialIdentifier} of the offer under a key still accepted. */
    public boolean isCredentialIdentifier(String offerId, String identifier) {
        boolean match = false;
        for (byte[] mac : key.accepted(bytes("credential-identifier:" + offerId))) {
            match |= Digests.sameHash(B64.encodeToString(Arrays.copyOf(mac, 16)), identifier);
        }
        return match;
    }

    private String signed(String label, String id, int macBytes) {
        return id + B64.encodeToString(Arrays.copyOf(key.mac(bytes(label + id)), macBytes));
    }

    private String idFromSigned(String label, String value, int macBytes) {
        if (value == null || value.length() != ID_CHARS + (macBytes * 4 + 2) / 3) return null;
        String id = value.substring(0, ID_CHARS);
        boolean genuine = false;
        for (byte[] mac : key.accepted(bytes(label + id))) {
            byte[] expected = (id + B64.encodeToString(Arrays.copyOf(mac, macBytes))).getBytes(StandardCharsets.US_ASCII);
            genuine |= MessageDigest.isEqual(expected, value.getBytes(StandardCharsets.US_ASCII));
        }
        return genuine ? id : null;
    }

    /** Keyed hash of a Transaction Code, bound to its offer so equal codes of two offers differ. */
    public String txCodeHash(String offerId, String txCode) {
        return B64.encodeToString(key.mac(bytes("tx-code:" + offerId + ":" + txCode)));
    }

    /** True when {@code txCode} hashes to {@code storedHash} under a key still accepted. */
    public boolean matchesTxCode(String offerId, String txCode, String storedHash) {
        return anyMatches(key.accepted(bytes("tx-code:" + offerId + ":" + txCode)), storedHash);
    }

    /**
     * Keyed hash of a canonical request, kept with an Idempotency-Key. Keyed, because the request holds claims and a
     * plain hash of low-entropy personal data could be reversed by guessing.
     */
    public String requestFingerprint(String canonicalRequest) {
        return B64.encodeToString(key.mac(bytes("idempotent-request:" + canonicalRequest)));
    }

    /** True when {@code canonicalRequest} has the stored fingerprint under a key still accepted. */
    public boolean matchesRequest(String canonicalRequest, String storedFingerprint) {
        return anyMatches(key.accepted(bytes("idempotent-request:" + canonicalRequest)), storedFingerprint);
    }

    /** Compares with every accepted key, so timing does not tell which one matched. */
    private static boolean anyMatches(List<byte[]> macs, String presented) {
        boolean match = false;
        for (byte[] mac : macs) match |= Digests.sameHash(B64.encodeToString(mac), presented);
        return match;
    }

    private static byte[] bytes(String input) {
        return input.getBytes(StandardCharsets.UTF_8);
    }
}
