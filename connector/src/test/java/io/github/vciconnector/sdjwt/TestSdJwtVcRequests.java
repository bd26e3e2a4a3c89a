package io.github.vciconnector.sdjwt;

import com.nimbusds.jose.jwk.JWK;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request fixtures: a PID-like claim set with a nested address, issued at a fixed instant in the middle of a day. */
final class TestSdJwtVcRequests {

    static final String VCT = "urn:eudi:pid:1";
    static final String ISSUER = "https://issuer.example.com";
    static final Instant ISSUED_AT = Instant.parse("2026-03-10T15:47:12Z");
    static final Duration VALIDITY = Duration.ofDays(30);

    private TestSdJwtVcRequests() {
    }

    static Map<String, Object> pidClaims() {
        var address = new LinkedHashMap<String, Object>();
        address.put("street_address", "Main Street 1");
        address.put("locality", "Utopia");
        address.put("country", "DE");
        var claims = new LinkedHashMap<String, Object>();
        claims.put("given_name", "Erika");
        claims.put("family_name", "Mustermann");
        claims.put("birthdate", "1984-01-26");
        claims.put("nationalities", List.of("DE"));
        claims.put("age_over_18", true);
        claims.put("address", address);
        return claims;
    }

    static SdJwtVcRequest pid(JWK holderKey, DisclosurePolicy policy) {
        return withClaims(pidClaims(), holderKey, policy);
    }

    static SdJwtVcRequest withClaims(Map<String, Object> claims, JWK holderKey, DisclosurePolicy policy) {
        return new SdJwtVcRequest(VCT, ISSUER, claims, holderKey, policy, ISSUED_AT, VALIDITY, null);
    }
}
