package io.github.vciconnector.offer;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What "claims match the Type Metadata" means when the metadata has paths but no value types (see the class Javadoc). */
class ClaimsValidatorTest {

    @Test
    void validateWhenClaimsFollowThePathsThenAccepted() {
        var claims = base();
        claims.put("address", Map.of("street", "Heidestr. 17", "locality", "Koeln"));
        claims.put("nationalities", List.of("DE", "FR"));
        claims.put("photo", Map.of("anything", List.of(1, 2.5, true))); // below a described leaf anything goes

        assertThatCode(() -> validate(claims)).doesNotThrowAnyException();
    }

    @Test
    void validateWhenObjectPathGivenAScalarThenRefusedNamingTheClaim() {
        var claims = base();
        claims.put("address", "Heidestr. 17");

        assertRefused(claims, "claims.address", "must be an object");
    }

    @Test
    void validateWhenArrayPathGivenAnObjectThenRefused() {
        var claims = base();
        claims.put("nationalities", Map.of("first", "DE"));

        assertRefused(claims, "claims.nationalities", "must be an array");
    }

    @Test
    void validateWhenNestedMemberNotDescribedThenRefused() {
        var claims = base();
        claims.put("address", Map.of("street", "Heidestr. 17", "planet", "Earth"));

        assertRefused(claims, "claims.address.planet", "not described");
    }

    @Test
    void validateWhenArrayElementIsNullThenRefusedWithItsIndex() {
        var claims = base();
        var nationalities = new java.util.ArrayList<Object>();
        nationalities.add("DE");
        nationalities.add(null);
        claims.put("nationalities", nationalities);

        assertRefused(claims, "claims.nationalities[1]", "is null");
    }

    @Test
    void validateWhenNumberIsNotFiniteThenRefused() {
        var claims = base();
        claims.put("photo", Double.NaN);

        assertRefused(claims, "claims.photo", "finite");
    }

    @Test
    void validateWhenValueIsNoJsonTypeThenRefused() {
        var claims = base();
        claims.put("photo", new Object());

        assertRefused(claims, "claims.photo", "not a JSON value");
    }

    @Test
    void validateWhenSdJwtDigestNameUsedInsideAnObjectThenRefused() {
        var claims = base();
        claims.put("photo", Map.of("_sd", List.of("x")));

        assertRefused(claims, "claims.photo._sd", "reserved");
    }

    @Test
    void validateWhenNestedDeeperThanTheLimitThenRefused() {
        Object value = "leaf";
        for (int i = 0; i < ClaimsValidator.MAX_DEPTH; i++) value = Map.of("x", value);
        var claims = base();
        claims.put("photo", value);

        assertRefused(claims, "claims.photo" + ".x".repeat(ClaimsValidator.MAX_DEPTH), "nest deeper");
    }

    @Test
    void validateWhenMandatoryClaimMissingThenRefusedNamingIt() {
        assertRefused(new LinkedHashMap<>(Map.of("given_name", "Erika")), "claims.family_name", "mandatory");
    }

    @Test
    void validateWhenRefusedThenMessageHoldsNoClaimValue() {
        var claims = base();
        claims.put("address", "Secret Street 1");

        assertThatThrownBy(() -> validate(claims)).hasMessageNotContaining("Secret");
    }

    private static LinkedHashMap<String, Object> base() {
        return new LinkedHashMap<>(TestOfferServices.claims());
    }

    private static void validate(Map<String, Object> claims) {
        ClaimsValidator.validate(TestOfferServices.typeMetadata(), claims);
    }

    private static void assertRefused(Map<String, Object> claims, String field, String message) {
        assertThatThrownBy(() -> validate(claims)).isInstanceOfSatisfying(OfferException.class, e -> {
            assertThat(e.error()).isEqualTo(OfferError.INVALID_CLAIMS);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
