package io.github.vciconnector.offer;

import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.sdjwt.DisclosurePolicy;
import io.github.vciconnector.sdjwt.SdJwtVcRequest;
import io.github.vciconnector.demo.WalletClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Claims the backend may store must be claims the SD-JWT encoder accepts later; otherwise the wallet would meet a
 * failure at the credential endpoint for what was the backend's mistake. Both sides must refuse the same names.
 */
class ClaimRulesAgreementTest {

    private static final ECKey HOLDER = WalletClient.generateKey().toPublicJWK();

    @ParameterizedTest
    @ValueSource(strings = {"_sd", "_sd_alg", "_sd_jwt", "...", ""})
    void nestedNameWhenTheEncoderRefusesItThenTheOfferIsRefusedToo(String name) {
        Map<String, Object> claims = Map.of("given_name", Map.of(name, "x"), "family_name", "Mustermann");
        assertThatThrownBy(() -> new SdJwtVcRequest("urn:x", null, claims, HOLDER, DisclosurePolicy.allDisclosable(),
                Instant.now(), Duration.ofDays(1), null)).isInstanceOf(IllegalArgumentException.class);

        var fixture = new TestOfferServices();
        assertThatThrownBy(() -> fixture.service.create(TestOfferServices.request(claims, null, null)))
                .isInstanceOf(OfferException.class);
    }
}
