package io.github.vciconnector.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The EU list of trusted wallet providers, a List of Trusted Entities (ETSI TS 119 602, JSON binding signed as a
 * JAdES compact JWS), bound from {@code connector.wallet-provider-trust-list.*} (DESIGN §11). Its wallet-provider
 * certificates become anchors of wallet attestations, next to {@code CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS}.
 *
 * @param url             {@code CONNECTOR_WALLET_PROVIDER_TRUST_LIST_URL}: where the list is fetched (https)
 * @param file            {@code CONNECTOR_WALLET_PROVIDER_TRUST_LIST_FILE}: a local copy instead, read again on refresh
 * @param signer          {@code CONNECTOR_WALLET_PROVIDER_TRUST_LIST_SIGNER}: PEM file of the certificate(s) allowed to
 *                        sign the list (the scheme operator's); required with a list
 * @param refreshInterval {@code CONNECTOR_WALLET_PROVIDER_TRUST_LIST_REFRESH_INTERVAL}: at most this long between
 *                        fetches; sooner when the list's NextUpdate comes first
 * @param timeout         {@code CONNECTOR_WALLET_PROVIDER_TRUST_LIST_TIMEOUT}: connect and response timeout of a fetch
 * @param sslBundle       {@code CONNECTOR_WALLET_PROVIDER_TRUST_LIST_SSL_BUNDLE}: a Spring Boot SSL bundle to trust
 *                        instead of the JVM's trust store (a private CA)
 */
@ConfigurationProperties("connector.wallet-provider-trust-list")
public record TrustedListProperties(URI url, Path file, Path signer, @DefaultValue("1h") Duration refreshInterval,
                                    @DefaultValue("10s") Duration timeout, String sslBundle) {

    public static final String URL_VARIABLE = "CONNECTOR_WALLET_PROVIDER_TRUST_LIST_URL";
    public static final String FILE_VARIABLE = "CONNECTOR_WALLET_PROVIDER_TRUST_LIST_FILE";
    public static final String SIGNER_VARIABLE = "CONNECTOR_WALLET_PROVIDER_TRUST_LIST_SIGNER";

    public TrustedListProperties {
        // Empty variables mean "not set"
        if (url != null && url.toString().isBlank()) url = null;
        if (file != null && file.toString().isBlank()) file = null;
        if (signer != null && signer.toString().isBlank()) signer = null;
        if (sslBundle != null && sslBundle.isBlank()) sslBundle = null;
        if (url != null && file != null) throw new IllegalArgumentException("set " + URL_VARIABLE + " or " + FILE_VARIABLE + ", not both");
        if (url != null && !"https".equalsIgnoreCase(url.getScheme())) throw new IllegalArgumentException(URL_VARIABLE + " must be an https URL");
        if ((url != null || file != null) && signer == null) {
            throw new IllegalArgumentException(SIGNER_VARIABLE + " must name the PEM file of the list's signer certificate");
        }
        if (refreshInterval.compareTo(Duration.ofSeconds(1)) < 0 || refreshInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("CONNECTOR_WALLET_PROVIDER_TRUST_LIST_REFRESH_INTERVAL must be between 1s and 1d");
        }
    }

    public boolean configured() {
        return url != null || file != null;
    }
}
