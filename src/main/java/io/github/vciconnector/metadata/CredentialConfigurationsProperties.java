package io.github.vciconnector.metadata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The credential configurations the connector offers, bound from
 * {@code CONNECTOR_CREDENTIAL_CONFIGURATIONS_<ID>_*}. From the environment the map key arrives upper-case and is
 * lower-cased by binding; {@code id} may restore the spelling used in metadata and offers.
 */
@ConfigurationProperties("connector")
public record CredentialConfigurationsProperties(Map<String, Entry> credentialConfigurations) {

    public CredentialConfigurationsProperties {
        credentialConfigurations = credentialConfigurations == null ? Map.of() : Map.copyOf(credentialConfigurations);
    }

    /**
     * One configuration.
     *
     * @param id canonical spelling of the configuration id (defaults to the map key)
     * @param vctSource {@code local} (read {@code vctFilepath}) or {@code remote} (fetch {@code vctUrl} at startup)
     * @param validity how long issued credentials are valid ({@code exp}); HAIP recommends limiting validity
     */
    public record Entry(String id, @DefaultValue("local") String vctSource, Path vctFilepath, URI vctUrl,
                        String scope, @DefaultValue("P365D") Duration validity) {
    }
}
