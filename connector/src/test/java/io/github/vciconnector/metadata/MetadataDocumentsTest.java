package io.github.vciconnector.metadata;

import com.nimbusds.jwt.SignedJWT;
import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.keys.DevelopmentKeys;
import io.github.vciconnector.jose.Es256;
import io.github.vciconnector.keys.SigningKey;
import io.github.vciconnector.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed issuer metadata (VCI-SMD-1) carries exp and is signed again before it expires, never per request. */
class MetadataDocumentsTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final CredentialConfigurations CONFIGURATIONS = new CredentialConfigurations(List.of(new CredentialConfiguration(
            "IdentityCredential", "identity_credential",
            TypeMetadata.parse(CredentialConfigurationsLoaderTest.DOCUMENT.getBytes(StandardCharsets.UTF_8)), Duration.ofDays(30))));

    private final MutableClock clock = new MutableClock(START);
    private final SigningKey accessKey = new DevelopmentKeys(clock, new SecureRandom()).generate().access();
    private final MetadataDocuments documents = new MetadataDocuments(new ConnectorProperties(URI.create("https://issuer.example.com")),
            CONFIGURATIONS, new WalletTrustPolicy(true, true, 10), accessKey, clock);

    @Test
    void signedMetadataWhenServedThenExpIsADayAfterIatAndSignatureValid() throws Exception {
        SignedJWT jwt = SignedJWT.parse(new String(documents.signedIssuerMetadata(), StandardCharsets.US_ASCII));

        assertThat(jwt.verify(Es256.verifier((ECPublicKey) accessKey.chain().get(0).getPublicKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(START);
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(START.plus(Duration.ofHours(24)));
    }

    @Test
    void signedMetadataWhenLessThanHalfItsLifetimePassedThenSameBytesWithoutSigningAgain() {
        byte[] first = documents.signedIssuerMetadata();
        clock.advance(Duration.ofHours(12).minusSeconds(1));

        assertThat(documents.signedIssuerMetadata()).isEqualTo(first);
    }

    @Test
    void signedMetadataWhenHalfItsLifetimePassedThenSignedAgainWithFreshExp() throws Exception {
        clock.advance(Duration.ofHours(12));
        Instant now = clock.instant();

        var claims = SignedJWT.parse(new String(documents.signedIssuerMetadata(), StandardCharsets.US_ASCII)).getJWTClaimsSet();

        assertThat(claims.getIssueTime().toInstant()).isEqualTo(now);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plus(Duration.ofHours(24)));
    }

    @Test
    void signedMetadataWhenAccessCertificateEndsSoonerThenExpIsItsEnd() throws Exception {
        Instant notAfter = accessKey.chain().get(0).getNotAfter().toInstant();
        clock.advance(Duration.between(START, notAfter.minus(Duration.ofHours(2))));

        var claims = SignedJWT.parse(new String(documents.signedIssuerMetadata(), StandardCharsets.US_ASCII)).getJWTClaimsSet();

        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(notAfter);
    }
}
