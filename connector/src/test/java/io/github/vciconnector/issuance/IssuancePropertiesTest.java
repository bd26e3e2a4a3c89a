package io.github.vciconnector.issuance;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** connector.issuance.* as Spring binds it from the environment, with the startup refusals it owes (issue 10). */
class IssuancePropertiesTest {

    @Test
    void maxCredentialsPerOfferWhenUnsetThenBatchSize() {
        assertThat(bind(Map.of("CONNECTOR_ISSUANCE_BATCH_SIZE", "7")).maxCredentialsPerOffer()).isEqualTo(7);
        assertThat(bind(Map.of()).maxCredentialsPerOffer()).isEqualTo(10);
    }

    @Test
    void maxCredentialsPerOfferWhenSetByEnvironmentThenBound() {
        assertThat(bind(Map.of("CONNECTOR_ISSUANCE_MAX_CREDENTIALS_PER_OFFER", "30")).maxCredentialsPerOffer()).isEqualTo(30);
    }

    @Test
    void maxCredentialsPerOfferWhenBelowBatchSizeThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> bind(Map.of("CONNECTOR_ISSUANCE_MAX_CREDENTIALS_PER_OFFER", "5")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessage("CONNECTOR_ISSUANCE_MAX_CREDENTIALS_PER_OFFER (connector.issuance.max-credentials-per-offer) "
                        + "must be from CONNECTOR_ISSUANCE_BATCH_SIZE (10) to 1000, so that one full batch fits");
    }

    private static IssuanceProperties bind(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables));
        return Binder.get(environment).bindOrCreate("connector.issuance", IssuanceProperties.class);
    }
}
