package io.github.vciconnector.metadata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
     * @param reusePolicy its {@code credential_reuse_policy} ({@code _REUSE_POLICY_*}); none published when its
     *                    {@code details} are not set
     */
    public record Entry(String id, Vct vct, String scope, @DefaultValue("P365D") Duration validity, ReusePolicy reusePolicy) {

        @ConstructorBinding
        public Entry {
        }

        public Entry(String id, Vct vct, String scope, Duration validity) {
            this(id, vct, scope, validity, null);
        }
    }

    /**
     * The {@code credential_reuse_policy} settings of one configuration (ETSI TS 119 472-3 §4.2.4.2), one option.
     *
     * @param id      {@code _REUSE_POLICY_ID}, default {@code arf_annex_ii}
     * @param details {@code _REUSE_POLICY_DETAILS}, e.g. {@code once_only,per-relying-party}
     */
    public record ReusePolicy(@DefaultValue(CredentialReusePolicy.ARF_ANNEX_II) String id, List<String> details, Integer batchSize,
                              Integer reissueTriggerUnused, Duration reissueTriggerLifetimeLeft) {
    }

    /**
     * The Type Metadata source.
     *
     * @param source {@code local} (read {@code filepath}) or {@code remote} (fetch {@code url} at startup)
     */
    public record Vct(@DefaultValue("local") String source, Path filepath, URI url) {
    }
}
