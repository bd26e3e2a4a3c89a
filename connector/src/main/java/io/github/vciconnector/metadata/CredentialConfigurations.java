package io.github.vciconnector.metadata;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** All configured credential configurations, looked up case-insensitively (DESIGN §3). */
public final class CredentialConfigurations {

    private final Map<String, CredentialConfiguration> byLowerCaseId = new LinkedHashMap<>();

    public CredentialConfigurations(Collection<CredentialConfiguration> configurations) {
        for (CredentialConfiguration configuration : configurations) {
            if (byLowerCaseId.put(key(configuration.id()), configuration) != null) {
                throw new IllegalArgumentException("credential configuration " + configuration.id() + " is defined twice");
            }
        }
    }

    /** Finds a configuration by id, ignoring case; the returned configuration carries the canonical spelling. */
    public Optional<CredentialConfiguration> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byLowerCaseId.get(key(id)));
    }

    public Collection<CredentialConfiguration> all() {
        return byLowerCaseId.values();
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
