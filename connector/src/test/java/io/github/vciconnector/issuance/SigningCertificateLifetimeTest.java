package io.github.vciconnector.issuance;

import io.github.vciconnector.keys.DevelopmentKeys;
import io.github.vciconnector.keys.SigningKey;
import io.github.vciconnector.metadata.CredentialConfiguration;
import io.github.vciconnector.metadata.CredentialConfigurations;
import io.github.vciconnector.metadata.TypeMetadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: a signing certificate that ends before the credentials it signs today is a startup warning. */
class SigningCertificateLifetimeTest {

    private static final TypeMetadata TYPE = TypeMetadata.parse("{\"vct\":\"urn:x\",\"name\":\"X\"}".getBytes(StandardCharsets.UTF_8));
    // Development certificates live 30 days
    private final SigningKey key = new DevelopmentKeys(Clock.systemUTC(), new SecureRandom()).generate().credential();

    @Test
    void warningsWhenValidityOutlivesTheCertificateThenOneNamingTheConfiguration() {
        var configurations = new CredentialConfigurations(List.of(
                new CredentialConfiguration("Long", "long", TYPE, Duration.ofDays(365)),
                new CredentialConfiguration("Short", "short", TYPE, Duration.ofDays(7))));

        assertThat(SigningCertificateLifetime.warnings(key, configurations, Clock.systemUTC().instant()))
                .singleElement().asString().contains("credentials of Long issued now would expire").contains("CONNECTOR_CERTIFICATES_SIGNING_CERT_PATH");
    }
}
