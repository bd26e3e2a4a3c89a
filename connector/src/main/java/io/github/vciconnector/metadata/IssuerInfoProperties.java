package io.github.vciconnector.metadata;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The optional {@code issuer_info} of the issuer metadata (ETSI TS 119 472-3 §4.2.3), bound from
 * {@code connector.issuer-info.*}.
 *
 * @param registrationCertificatePath {@code CONNECTOR_ISSUER_INFO_REGISTRATION_CERTIFICATE_PATH}: a file holding the
 *                                    issuer's registration certificate (WRPRC) as issued, e.g. an {@code rc-wrp+jwt};
 *                                    published by value; unset = no {@code issuer_info}
 */
@ConfigurationProperties("connector.issuer-info")
public record IssuerInfoProperties(Path registrationCertificatePath) {

    public static final String REGISTRATION_CERTIFICATE_VARIABLE =
            "CONNECTOR_ISSUER_INFO_REGISTRATION_CERTIFICATE_PATH (connector.issuer-info.registration-certificate-path)";

    public IssuerInfoProperties {
        // An empty variable means "not set", not "the current directory".
        if (registrationCertificatePath != null && registrationCertificatePath.toString().isBlank()) registrationCertificatePath = null;
    }
}
