package io.github.vciconnector.metadata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The credential configurations the connector offers, bound from {@code CONNECTOR_CREDENTIAL_CONFIGURATIONS_<ID>_*}.
 * Spring derives map keys from environment variable names by splitting at every underscore, so the shape here is
 * {@code connector.credential.configurations.<id>.vct.filepath}: exactly the variable names of DESIGN §3. The key
 * arrives lower-cased; {@code id} may restore the spelling used in metadata and offers.
 */
@ConfigurationProperties("connector.credential")
public record CredentialConfigurationsProperties(Map<String, Entry> configurations) {

    public CredentialConfigurationsProperties {
        configurations = configurations == null ? Map.of() : Map.copyOf(configurations);
    }

    /**
     * One configuration.
     *
     * @param id canonical spelling of the configuration id ({@code _ID}; defaults to the key)
     * @param vct where its Type Metadata comes from ({@code _VCT_SOURCE}, {@code _VCT_FILEPATH}, {@code _VCT_URL})
     * @param scope OAuth scope advertised for it ({@code _SCOPE})
     * @param validity how long issued credentials are valid ({@code _VALIDITY}); HAIP recommends limiting it
     */
    public record Entry(String id, Vct vct, String scope, @DefaultValue("P365D") Duration validity) {
    }

    /**
     * The Type Metadata source.
     *
     * @param source {@code local} (read {@code filepath}) or {@code remote} (fetch {@code url} at startup)
     */
    public record Vct(@DefaultValue("local") String source, Path filepath, URI url) {
    }
}
