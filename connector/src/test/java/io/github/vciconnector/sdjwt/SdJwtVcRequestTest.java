package io.github.vciconnector.sdjwt;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.vciconnector.sdjwt.TestSdJwtVcRequests.ISSUED_AT;
import static io.github.vciconnector.sdjwt.TestSdJwtVcRequests.VCT;
import static io.github.vciconnector.sdjwt.TestSdJwtVcRequests.pidClaims;
import static io.github.vciconnector.sdjwt.TestSdJwtVcRequests.withClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SdJwtVcRequestTest {

    private final ECKey holder = TestSigningKeys.holder();

    private SdJwtVcRequest withClaim(String name, Object value) {
        var claims = pidClaims();
        claims.put(name, value);
        return withClaims(claims, holder.toPublicJWK(), DisclosurePolicy.allDisclosable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "aud", "nbf", "exp", "iat", "cnf", "vct", "vct#integrity", "status", "aka_vcts",
            "_sd", "_sd_alg", "..."})
    void constructWhenTopLevelClaimNameReservedThenIllegalArgument(String name) {
        // SDVC-4, SDJWT-11: these could otherwise end up in a Disclosure
        assertThatIllegalArgumentException().isThrownBy(() -> withClaim(name, "x"))
                .withMessage("claim name " + name + " is reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_sd", "_sd_alg", "..."})
    void constructWhenNestedClaimUsesSdJwtKeyThenIllegalArgument(String name) {
        // SDJWT-3, SDJWT-9: _sd and ... carry digests only, _sd_alg lives at the top level only
        assertThatIllegalArgumentException().isThrownBy(() -> withClaim("address", Map.of(name, "x")));
        assertThatIllegalArgumentException().isThrownBy(() -> withClaim("list", List.of(Map.of(name, "x"))));
    }

    @Test
    void constructWhenNestedClaimNamedLikeRegisteredClaimThenAccepted() {
        // only top-level names are registered JWT claims; a nested status is plain data
        var request = withClaim("membership", Map.of("status", "active", "iss", "club"));

        assertThat(request.claims()).containsKey("membership");
    }

    @Test
    void constructWhenHolderKeyPrivateThenIllegalArgument() throws Exception {
        // SDVC-5: cnf.jwk must only ever see public members
        OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).generate();

        assertThatIllegalArgumentException().isThrownBy(
                () -> withClaims(pidClaims(), holder, DisclosurePolicy.allDisclosable()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> withClaims(pidClaims(), secret, DisclosurePolicy.allDisclosable()));
    }

    @Test
    void constructWhenValidityNotPositiveThenIllegalArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> request(VCT, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> request(VCT, Duration.ofSeconds(-1)));
    }

    @Test
    void constructWhenVctBlankThenIllegalArgument() {
        // SDVC-3: vct is required
        assertThatIllegalArgumentException().isThrownBy(() -> request(" ", Duration.ofDays(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> request(null, Duration.ofDays(1)));
    }

    @Test
    void constructWhenClaimValueNotJsonThenIllegalArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> withClaim("issued", Instant.EPOCH));
        assertThatIllegalArgumentException().isThrownBy(() -> withClaim("ratio", Double.NaN));
        var withNull = new HashMap<String, Object>();
        withNull.put("k", null);
        assertThatIllegalArgumentException().isThrownBy(() -> withClaim("nested", withNull));
    }

    @Test
    void constructWhenClaimsNestedTooDeeplyThenIllegalArgument() {
        Object value = "leaf";
        for (int i = 0; i < 100; i++) value = Map.of("n", value);
        Object deep = value;

        assertThatIllegalArgumentException().isThrownBy(() -> withClaim("deep", deep));
    }

    @Test
    void constructWhenStatusLacksStatusListThenIllegalArgument() {
        // HAIP-14, SDVC-8
        assertThatIllegalArgumentException().isThrownBy(() -> new SdJwtVcRequest(VCT, null, pidClaims(),
                holder.toPublicJWK(), DisclosurePolicy.allDisclosable(), ISSUED_AT, Duration.ofDays(1),
                Map.of("idx", 1)));
    }

    @Test
    void constructWhenCallerMutatesClaimsLaterThenRequestUnchanged() {
        var address = new LinkedHashMap<String, Object>(Map.of("country", "DE"));
        var nationalities = new ArrayList<Object>(List.of("DE"));
        var claims = new LinkedHashMap<String, Object>(Map.of("address", address, "nationalities", nationalities));
        var request = withClaims(claims, holder.toPublicJWK(), DisclosurePolicy.allDisclosable());

        address.put("country", "FR");
        nationalities.add("FR");
        claims.put("extra", "x");

        assertThat(request.claims()).containsOnlyKeys("address", "nationalities")
                .containsEntry("address", Map.of("country", "DE")).containsEntry("nationalities", List.of("DE"));
    }

    @Test
    void toStringWhenCalledThenNoClaimValuesOrNames() {
        String text = withClaims(pidClaims(), holder.toPublicJWK(), DisclosurePolicy.allDisclosable()).toString();

        assertThat(text).contains(VCT).doesNotContain("Erika", "given_name", holder.getX().toString());
    }

    private SdJwtVcRequest request(String vct, Duration validity) {
        return new SdJwtVcRequest(vct, null, pidClaims(), holder.toPublicJWK(), DisclosurePolicy.allDisclosable(),
                ISSUED_AT, validity, null);
    }
}
