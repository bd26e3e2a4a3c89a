package io.github.vciconnector.issuance;

import io.github.vciconnector.keys.SigningKey;
import io.github.vciconnector.metadata.CredentialConfiguration;
import io.github.vciconnector.metadata.CredentialConfigurations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Startup check of the credential signing certificate against what it signs (issue 13): an expired one already stops
 * the startup (keys), one that ends before a credential issued today would expire is a WARN per configuration, since
 * verifiers that check the x5c chain at presentation time refuse such a credential for the rest of its validity.
 */
final class SigningCertificateLifetime {

    private static final Logger log = LoggerFactory.getLogger(SigningCertificateLifetime.class);

    private SigningCertificateLifetime() {
    }

    /** @return one sentence per configuration whose credentials would outlive the certificate, as logged */
    static List<String> warnings(SigningKey key, CredentialConfigurations configurations, Instant now) {
        Instant notAfter = key.chain().get(0).getNotAfter().toInstant();
        var warnings = new ArrayList<String>();
        for (CredentialConfiguration configuration : configurations.all()) {
            if (notAfter.isBefore(now.plus(configuration.validity()))) {
                warnings.add("the signing certificate (CONNECTOR_CERTIFICATES_SIGNING_CERT_PATH) ends at " + notAfter
                        + ", before credentials of " + configuration.id() + " issued now would expire (validity "
                        + configuration.validity() + "); renew it or shorten the validity");
            }
        }
        return warnings;
    }

    static void logWarnings(SigningKey key, CredentialConfigurations configurations, Instant now) {
        for (String warning : warnings(key, configurations, now)) log.warn("SIGNING CERTIFICATE ENDS TOO SOON: {}", warning);
    }
}
