package io.github.vciconnector.session;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Issuance sessions with claims of every JSON shape: nested objects, arrays, big and small numbers, null. */
public final class TestSessions {

    private TestSessions() {
    }

    /** Short, so that a pending callback never keeps a test session longer than its offer lifetime. */
    public static final Duration CALLBACK_MAX_AGE = Duration.ofMillis(100);

    private static final SecureRandom RANDOM = new SecureRandom();

    public static IssuanceSession offer(Instant now, Duration ttl) {
        String id = newOfferId().value();
        return IssuanceSession.created(id, "IdentityCredential", claims(), newTokenHash().value(),
                new TxCodeSpec("numeric", 6, "sent by SMS"), "tx-" + id, now, now.plus(ttl), CALLBACK_MAX_AGE);
    }

    /** {@code count} status list entries of one fresh list id, as a credential response records them. */
    public static List<StatusReference> entries(int count) {
        String list = randomBase64Url(16);
        var entries = new java.util.ArrayList<StatusReference>();
        for (int i = 0; i < count; i++) entries.add(new StatusReference(list, RANDOM.nextInt(1 << 17)));
        return entries;
    }

    /** A fresh, well-formed offer id: 128 random bits, as {@link OfferSecrets#newOfferId} makes them. */
    public static OfferId newOfferId() {
        return new OfferId(randomBase64Url(16));
    }

    /** A fresh, well-formed index key: 256 random bits, standing in for a code or token hash. */
    public static TokenHash newTokenHash() {
        return new TokenHash(randomBase64Url(32));
    }

    private static String randomBase64Url(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    public static Map<String, Object> claims() {
        var address = new LinkedHashMap<String, Object>();
        address.put("street_address", "Heidestraße 17");
        address.put("postal_codes", List.of("51147", 51147));
        var claims = new LinkedHashMap<String, Object>();
        claims.put("given_name", "Erika");
        claims.put("family_name", "Mustermann \"the\" \\ \u00e9");
        claims.put("age_in_years", 42);
        claims.put("serial", 5_000_000_000L);
        claims.put("score", 1.25);
        claims.put("verified", true);
        claims.put("nickname", null);
        claims.put("address", address);
        claims.put("nationalities", List.of("DE", List.of(Map.of("nested", false))));
        return claims;
    }
}
