package io.github.vciconnector.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Issuance sessions with claims of every JSON shape: nested objects, arrays, big and small numbers, null. */
public final class TestSessions {

    private TestSessions() {
    }

    /** Short, so that a pending callback never keeps a test session longer than its offer lifetime. */
    public static final Duration CALLBACK_MAX_AGE = Duration.ofMillis(100);

    public static IssuanceSession offer(Instant now, Duration ttl) {
        String id = UUID.randomUUID().toString();
        return IssuanceSession.created(id, "IdentityCredential", claims(), "code-" + id,
                new TxCodeSpec("numeric", 6, "sent by SMS"), "tx-" + id, now, now.plus(ttl), CALLBACK_MAX_AGE);
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
