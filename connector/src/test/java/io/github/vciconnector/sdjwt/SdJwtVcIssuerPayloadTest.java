package io.github.vciconnector.sdjwt;

import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.vciconnector.sdjwt.TestSdJwtVcRequests.ISSUED_AT;
import static io.github.vciconnector.sdjwt.TestSdJwtVcRequests.VCT;
import static io.github.vciconnector.sdjwt.TestSdJwtVcRequests.pid;
import static io.github.vciconnector.sdjwt.TestSdJwtVcRequests.pidClaims;
import static io.github.vciconnector.sdjwt.TestSdJwtVcRequests.withClaims;
import static org.assertj.core.api.Assertions.assertThat;

/** Registered claims, time rounding and unlinkability of the issued payload. */
class SdJwtVcIssuerPayloadTest {

    private static final Set<String> NEVER_DISCLOSED = Set.of("iss", "aud", "nbf", "exp", "iat", "cnf", "vct",
            "vct#integrity", "status", "_sd", "_sd_alg", "...");

    private final SdJwtVcIssuer issuer = new SdJwtVcIssuer(TestSigningKeys.issuer(), new SecureRandom());
    private final ECKey holder = TestSigningKeys.holder();

    private TestSdJwts.ParsedSdJwt issue(SdJwtVcRequest request) {
        return TestSdJwts.parse(issuer.issue(request));
    }

    @Test
    void issueWhenCalledThenIatAndExpAreRoundedDownToUtcDay() {
        // SDJWT-12: 2026-03-10T15:47:12Z + 30 days -> iat 2026-03-10T00:00Z, exp 2026-04-09T00:00Z
        var payload = issue(pid(holder.toPublicJWK(), DisclosurePolicy.allDisclosable())).payload();

        long iat = ((Number) payload.get("iat")).longValue();
        long exp = ((Number) payload.get("exp")).longValue();
        assertThat(iat % 86_400).isZero();
        assertThat(exp % 86_400).isZero();
        assertThat(iat).isEqualTo(1_773_100_800L);
        assertThat(exp).isEqualTo(1_773_100_800L + 30 * 86_400L);
    }

    @Test
    void issueWhenValidityEndsSameDayThenExpIsNextDay() {
        var request = new SdJwtVcRequest(VCT, null, pidClaims(), holder.toPublicJWK(),
                DisclosurePolicy.allDisclosable(), ISSUED_AT, Duration.ofHours(1), null);
        var payload = issue(request).payload();

        long iat = ((Number) payload.get("iat")).longValue();
        assertThat(((Number) payload.get("exp")).longValue()).isEqualTo(iat + 86_400);
    }

    @Test
    void issueWhenRegisteredClaimsThenPlaintextAndNeverInDisclosures() {
        // SDVC-3, SDVC-4, SDVC-8, SDJWT-11
        Map<String, Object> status = Map.of("status_list", Map.of("idx", 42L, "uri", "https://issuer.example.com/sl/1"));
        var request = new SdJwtVcRequest(VCT, TestSdJwtVcRequests.ISSUER, pidClaims(), holder.toPublicJWK(),
                DisclosurePolicy.allDisclosable(), ISSUED_AT, Duration.ofDays(30), status);
        var sdJwt = issue(request);

        assertThat(sdJwt.payload()).containsEntry("vct", VCT).containsEntry("iss", TestSdJwtVcRequests.ISSUER)
                .containsEntry("status", status).containsKeys("iat", "exp", "cnf");
        assertThat(sdJwt.disclosures()).extracting(TestSdJwts.DecodedDisclosure::name)
                .doesNotContainAnyElementsOf(NEVER_DISCLOSED);
    }

    @Test
    void issueWhenIssuerAbsentThenNoIssClaim() {
        // SDVC-6: x5c alone identifies the issuer
        var request = new SdJwtVcRequest(VCT, null, pidClaims(), holder.toPublicJWK(),
                DisclosurePolicy.allDisclosable(), ISSUED_AT, Duration.ofDays(1), null);

        assertThat(issue(request).payload()).doesNotContainKeys("iss", "status");
    }

    @Test
    void issueWhenNothingDisclosableThenNoSdNoSdAlgAndNoDisclosures() {
        // SDVC-9: serialization is <jwt>~
        var sdJwt = issue(pid(holder.toPublicJWK(), path -> SelectiveDisclosure.NEVER));

        assertThat(sdJwt.disclosures()).isEmpty();
        assertThat(sdJwt.allSdDigests()).isEmpty();
        assertThat(sdJwt.payload()).doesNotContainKeys("_sd", "_sd_alg").containsKeys("given_name", "address");
    }

    @Test
    void issueWhenSameClaimsTwiceThenSaltsAndDigestsDiffer() {
        // SDJWT-12: fresh salts per credential so batch credentials cannot be linked by digest
        var first = issue(pid(holder.toPublicJWK(), DisclosurePolicy.allDisclosable()));
        var second = issue(pid(holder.toPublicJWK(), DisclosurePolicy.allDisclosable()));

        assertThat(second.disclosures()).extracting(TestSdJwts.DecodedDisclosure::salt)
                .doesNotContainAnyElementsOf(first.disclosures().stream().map(TestSdJwts.DecodedDisclosure::salt).toList());
        assertThat(second.allSdDigests()).doesNotContainAnyElementsOf(first.allSdDigests());
    }

    @Test
    void issueWhenManyClaimsThenSdOrderIsNotInsertionOrder() {
        // SDJWT-7: with 10 claims, insertion order survives a shuffle or sort with probability 1/10! per run
        var claims = new LinkedHashMap<String, Object>();
        for (int i = 0; i < 10; i++) claims.put("claim_" + i, "value " + i);
        boolean hidden = false;
        for (int run = 0; run < 5; run++) {
            var sdJwt = issue(withClaims(claims, holder.toPublicJWK(), DisclosurePolicy.allDisclosable()));
            @SuppressWarnings("unchecked") var sd = (List<String>) sdJwt.payload().get("_sd");
            var insertionOrder = new ArrayList<String>();
            for (String name : claims.keySet()) insertionOrder.add(sdJwt.disclosure(name).digest());
            var realDigestsInSdOrder = sd.stream().filter(insertionOrder::contains).toList();
            assertThat(realDigestsInSdOrder).containsExactlyInAnyOrderElementsOf(insertionOrder);
            hidden |= !realDigestsInSdOrder.equals(insertionOrder);
        }
        assertThat(hidden).isTrue();
    }

    @Test
    void issueWhenValuesNeedEscapingThenDisclosuresDecodeToTheSameJsonValues() {
        // SDJWT-4: UTF-8 JSON; HTML-sensitive characters and numbers survive the round trip
        var claims = new LinkedHashMap<String, Object>();
        claims.put("family_name", "M\u00fcller <&> \"quoted\" =");
        claims.put("age_in_years", 41L);
        claims.put("height", 1.75);
        claims.put("nicknames", List.of("E", Map.of("k", true)));
        var sdJwt = issue(withClaims(claims, holder.toPublicJWK(), DisclosurePolicy.allDisclosable()));

        assertThat(sdJwt.disclosure("family_name").value()).isEqualTo(claims.get("family_name"));
        assertThat(sdJwt.disclosure("age_in_years").value()).isEqualTo(41L);
        assertThat(sdJwt.disclosure("height").value()).isEqualTo(1.75);
        assertThat(sdJwt.disclosure("nicknames").value()).isEqualTo(List.of("E", Map.of("k", true)));
    }

    @Test
    void issueWhenDecoysAddedThenSdHasAtMostTwoExtraDigestsPerObject() {
        // SDJWT-10: decoys are unmatched digests; verifiers ignore them
        var claims = Map.<String, Object>of("a", "1");
        int maxSize = 0;
        for (int run = 0; run < 20; run++) {
            var sdJwt = issue(withClaims(claims, holder.toPublicJWK(), DisclosurePolicy.allDisclosable()));
            @SuppressWarnings("unchecked") var sd = (List<String>) sdJwt.payload().get("_sd");
            assertThat(sd).hasSizeBetween(1, 3).contains(sdJwt.disclosure("a").digest());
            maxSize = Math.max(maxSize, sd.size());
        }
        assertThat(maxSize).isGreaterThan(1);
    }
}
