package io.github.vciconnector.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The issuer certificates that are self-signed, a relaxation of HAIP SDVC-2 accepted for trying things out (the
 * product guide makes its certificates with {@code openssl req -x509}). Like the HAIP relaxations, each one is logged
 * as a warning once at startup and listed in {@code /actuator/info} (under {@code issuer_certificates}); it is also a
 * detail of the {@code issuerCertificates} health component, which stays UP.
 */
public final class SelfSignedCertificates implements InfoContributor, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificates.class);

    static final String CONSEQUENCE = "wallets that check issuers against a trust list will refuse it; HAIP wants a "
            + "CA-issued leaf certificate, with the trust anchor left out of x5c";

    private final Map<String, String> certificates = new LinkedHashMap<>();
    private final List<String> warnings;

    public SelfSignedCertificates(SigningKeys keys) {
        var list = new ArrayList<String>();
        add("signing", keys.credential(), CertificatesProperties.SIGNING, "signs credentials, alone in their x5c", list);
        add("access", keys.access(), CertificatesProperties.ACCESS, "signs the issuer metadata", list);
        this.warnings = List.copyOf(list);
    }

    /** Logs one WARN per self-signed certificate; called once when the bean is created. */
    public SelfSignedCertificates logged() {
        for (String warning : warnings) {
            log.warn("""

                    ************************************************************************************
                    SELF-SIGNED ISSUER CERTIFICATE: {}.
                    Fine for trying things out, not for production: issue the certificate from a CA (the
                    leaf first in the file, then its issuers) before real wallets use this issuer.
                    ************************************************************************************""",
                    warning);
        }
        return this;
    }

    /** One sentence per self-signed certificate, naming its variable; empty when all are CA-issued. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void contribute(Info.Builder builder) {
        var details = new LinkedHashMap<String, Object>(certificates);
        details.put("warnings", warnings);
        builder.withDetail("issuer_certificates", details);
    }

    @Override
    public Health health() {
        // A self-signed certificate works as configured, so the component stays UP; the detail says what it means.
        return Health.up().withDetails(certificates).withDetail("warnings", warnings).build();
    }

    private void add(String name, SigningKey key, String prefix, String role, List<String> list) {
        boolean selfSigned = key.selfSigned();
        certificates.put(name, selfSigned ? "self-signed" : "ca-issued");
        if (selfSigned) {
            list.add(CertificatesProperties.describe(prefix + ".cert-path") + " holds the self-signed certificate "
                    + SigningKeyAssembler.subject(key.chain().get(0)) + ", which " + role + "; " + CONSEQUENCE);
        }
    }
}
