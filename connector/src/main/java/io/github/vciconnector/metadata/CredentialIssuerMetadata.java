package io.github.vciconnector.metadata;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.WalletProtocol;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Credential Issuer Metadata (OID4VCI 1.0 §12.2.4): the endpoints, batch issuance and one
 * {@link SupportedCredentialConfiguration} per configured credential, in configuration order.
 *
 * @param batchSize  {@code batch_credential_issuance.batch_size}; null when at most one credential per request
 *                   (§12.2.4: the member is then omitted, a batch size of 1 is not allowed)
 * @param issuerInfo {@code issuer_info} (ETSI TS 119 472-3 §4.2.3); null when none is configured
 */
public record CredentialIssuerMetadata(String credentialIssuer, URI credentialEndpoint, URI nonceEndpoint,
                                       URI notificationEndpoint, Integer batchSize,
                                       Map<String, SupportedCredentialConfiguration> credentialConfigurationsSupported,
                                       IssuerInfo issuerInfo) {

    public static final String CREDENTIAL_ISSUER = "credential_issuer";
    public static final String CREDENTIAL_ENDPOINT = "credential_endpoint";
    public static final String NONCE_ENDPOINT = "nonce_endpoint";
    public static final String NOTIFICATION_ENDPOINT = "notification_endpoint";
    public static final String BATCH_CREDENTIAL_ISSUANCE = "batch_credential_issuance";
    public static final String BATCH_SIZE = "batch_size";
    public static final String CREDENTIAL_CONFIGURATIONS_SUPPORTED = "credential_configurations_supported";

    public CredentialIssuerMetadata {
        Objects.requireNonNull(credentialIssuer, CREDENTIAL_ISSUER);
        Objects.requireNonNull(credentialEndpoint, CREDENTIAL_ENDPOINT);
        if (batchSize != null && batchSize < 2) throw new IllegalArgumentException(BATCH_SIZE + " must be at least 2");
        // The wire order is the configuration order, so the copy keeps it
        credentialConfigurationsSupported = Collections.unmodifiableMap(new LinkedHashMap<>(credentialConfigurationsSupported));
    }

    /** Built from the configurations and their Type Metadata; display data comes from there (EUDI-17). */
    public static CredentialIssuerMetadata of(ConnectorProperties connector, CredentialConfigurations configurations,
                                              WalletTrustPolicy trust) {
        return of(connector, configurations, trust, null);
    }

    /**
     * As {@link #of(ConnectorProperties, CredentialConfigurations, WalletTrustPolicy)}, with {@code issuer_info}.
     *
     * @throws IllegalStateException when a reuse policy asks for a batch larger than the connector issues at once
     */
    public static CredentialIssuerMetadata of(ConnectorProperties connector, CredentialConfigurations configurations,
                                              WalletTrustPolicy trust, IssuerInfo issuerInfo) {
        var supported = new LinkedHashMap<String, SupportedCredentialConfiguration>();
        for (CredentialConfiguration configuration : configurations.all()) {
            CredentialReusePolicy reuse = configuration.reusePolicy();
            // A wallet asks for batch_size keys at once; more than the connector's batch size would be refused.
            if (reuse != null && reuse.batchSize() != null && reuse.batchSize() > trust.batchSize()) {
                throw new IllegalStateException("credential configuration " + configuration.id() + ": reuse policy batch-size "
                        + reuse.batchSize() + " exceeds CONNECTOR_ISSUANCE_BATCH_SIZE " + trust.batchSize());
            }
            supported.put(configuration.id(), SupportedCredentialConfiguration.of(configuration, trust));
        }
        return new CredentialIssuerMetadata(connector.issuerIdentifier(), connector.endpoint(WalletProtocol.CREDENTIAL_PATH),
                connector.endpoint(WalletProtocol.NONCE_PATH), connector.endpoint(WalletProtocol.NOTIFICATION_PATH),
                trust.batchSize() >= 2 ? trust.batchSize() : null, supported, issuerInfo);
    }

    /** The members in wire order; also the claims of the signed metadata (§12.2.3). */
    public Map<String, Object> toJSONObject() {
        var json = new LinkedHashMap<String, Object>();
        json.put(CREDENTIAL_ISSUER, credentialIssuer);
        json.put(CREDENTIAL_ENDPOINT, credentialEndpoint.toString());
        json.put(NONCE_ENDPOINT, nonceEndpoint.toString());
        json.put(NOTIFICATION_ENDPOINT, notificationEndpoint.toString());
        if (batchSize != null) {
            var batch = new LinkedHashMap<String, Object>();
            batch.put(BATCH_SIZE, batchSize);
            json.put(BATCH_CREDENTIAL_ISSUANCE, batch);
        }
        var supported = new LinkedHashMap<String, Object>();
        credentialConfigurationsSupported.forEach((id, configuration) -> supported.put(id, configuration.toJSONObject()));
        json.put(CREDENTIAL_CONFIGURATIONS_SUPPORTED, supported);
        if (issuerInfo != null) json.put(IssuerInfo.ISSUER_INFO, issuerInfo.toJSONArray());
        return json;
    }
}
