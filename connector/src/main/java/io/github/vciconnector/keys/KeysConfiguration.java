package io.github.vciconnector.keys;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * Provides the issuer's {@link SigningKeys}: loaded from the configured PEM files, or generated for the
 * {@code dev} profile when nothing is configured. Any other case stops the startup, naming the missing settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CertificatesProperties.class, TrustAnchorProperties.class, CertificateLifecycleProperties.class,
        AttestationStatusProperties.class, TrustedListProperties.class})
public class KeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeysConfiguration.class);

    @Bean
    SigningKeys signingKeys(CertificatesProperties certificates, Environment environment, Clock clock,
                            SecureRandom random) {
        if (!certificates.isEmpty()) {
            // CertificatesProperties already refused a partial configuration, so all four paths are set here.
            var loader = new PemKeyPairLoader(clock);
            var signing = certificates.signing();
            var access = certificates.access();
            return new SigningKeys(
                    loader.load(CertificatesProperties.SIGNING, signing.certPath(), signing.keyPath()),
                    loader.load(CertificatesProperties.ACCESS, access.certPath(), access.keyPath()));
        }
        if (environment.matchesProfiles("dev")) {
            var keys = new DevelopmentKeys(clock, random).generate();
            log.warn("""

                    ************************************************************************************
                    DEVELOPMENT KEYS: no issuer certificates are configured, so the dev profile generated
                    throw-away signing and access keys, issued by a throw-away CA named {}.
                    They change on every start and must NEVER be used in production. Set the
                    CONNECTOR_CERTIFICATES_* variables for real keys (certs/generate-dev-certs.sh makes
                    stable development ones).
                    ************************************************************************************""",
                    DevelopmentKeys.CA_SUBJECT);
            return keys;
        }
        throw new InvalidKeyConfigurationException("no issuer keys configured, set "
                + String.join(", ", CertificatesProperties.allSettings())
                + "; only the dev profile generates throw-away keys");
    }

    /** Re-reads the trust-anchor files of the settings that register with it (DESIGN §11). */
    @Bean
    TrustAnchorRefresher trustAnchors(TrustAnchorProperties properties) {
        return new TrustAnchorRefresher(properties.refreshInterval());
    }

    /** Status list checks of wallet and key attestations, with one cache for both. */
    @Bean
    AttestationStatus attestationStatus(AttestationStatusProperties properties, Clock clock, ObjectProvider<SslBundles> bundles) {
        if (properties.sslBundle() == null) return new AttestationStatus(properties, clock);
        return new AttestationStatus(properties, clock, bundles.getObject().getBundle(properties.sslBundle()).createSslContext());
    }

    /** The wallet-provider trusted list (DESIGN §11), only when a URL or file is set; its health component has its name. */
    @Bean
    @ConditionalOnExpression("'${connector.wallet-provider-trust-list.url:}' != '' or '${connector.wallet-provider-trust-list.file:}' != ''")
    TrustedListSource walletProviderTrustList(TrustedListProperties properties, Clock clock, ObjectProvider<SslBundles> bundles,
                                              MeterRegistry registry) throws java.security.NoSuchAlgorithmException {
        var tls = properties.sslBundle() == null ? javax.net.ssl.SSLContext.getDefault()
                : bundles.getObject().getBundle(properties.sslBundle()).createSslContext();
        return new TrustedListSource(properties, clock, tls, registry);
    }

    /** Gauges, WARN lines and health for the days left on every certificate; checked each minute and once ready. */
    @Bean
    CertificateLifecycle certificateLifecycle(SigningKeys keys, TrustAnchorRefresher refresher, MeterRegistry registry, Clock clock,
                                              CertificateLifecycleProperties properties) {
        var lifecycle = new CertificateLifecycle(keys, refresher, registry, clock, properties);
        refresher.schedule(lifecycle::check, Duration.ofMinutes(1));
        return lifecycle;
    }

    /** The first check once every trust-anchor setting has registered, so the startup log names what ends soon. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> certificateLifecycleAtStartup(CertificateLifecycle lifecycle) {
        return event -> lifecycle.check();
    }

    /** Warns about, and reports in info and health, issuer certificates that are self-signed. */
    @Bean
    SelfSignedCertificates issuerCertificates(SigningKeys keys) {
        return new SelfSignedCertificates(keys).logged();
    }
}
