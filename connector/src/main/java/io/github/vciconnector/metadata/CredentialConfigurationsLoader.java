package io.github.vciconnector.metadata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@link CredentialConfigurationsProperties} into {@link CredentialConfigurations} once, at startup, reading
 * or fetching each Type Metadata document. Any problem stops startup with the name of the setting at fault.
 */
public final class CredentialConfigurationsLoader {

    private static final Logger log = LoggerFactory.getLogger(CredentialConfigurationsLoader.class);

    private CredentialConfigurationsLoader() {
    }

    public static CredentialConfigurations load(CredentialConfigurationsProperties properties) {
        if (properties.configurations().isEmpty()) {
            throw new IllegalStateException("no credential configuration: set CONNECTOR_CREDENTIAL_CONFIGURATIONS_<ID>_VCT_SOURCE,"
                    + " _VCT_FILEPATH and _SCOPE for at least one configuration");
        }
        var configurations = new ArrayList<CredentialConfiguration>();
        for (Map.Entry<String, CredentialConfigurationsProperties.Entry> e : properties.configurations().entrySet()) {
            configurations.add(load(e.getKey(), e.getValue()));
        }
        return new CredentialConfigurations(configurations);
    }

    private static CredentialConfiguration load(String key, CredentialConfigurationsProperties.Entry entry) {
        String variable = "CONNECTOR_CREDENTIAL_CONFIGURATIONS_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
        boolean idSet = entry.id() != null && !entry.id().isBlank();
        if (idSet && !entry.id().equalsIgnoreCase(key)) {
            throw new IllegalStateException(variable + "_ID must spell the same id as the key " + key + " (case aside)");
        }
        try {
            byte[] document = readDocument(variable, entry);
            var typeMetadata = TypeMetadata.parse(document);
            requireIssuable(typeMetadata);
            if (typeMetadata.legacyLangEntries() > 0) warnLegacyLang(variable, entry, typeMetadata.legacyLangEntries());
            String id = idSet ? entry.id() : spellingFromVct(key, typeMetadata.vct());
            return new CredentialConfiguration(id, entry.scope(), typeMetadata, entry.validity(), reusePolicy(variable, entry.reusePolicy()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + ": " + e.getMessage(), e);
        }
    }

    private static CredentialReusePolicy reusePolicy(String variable, CredentialConfigurationsProperties.ReusePolicy settings) {
        if (settings == null || settings.details() == null || settings.details().stream().allMatch(d -> d == null || d.isBlank())) return null;
        try {
            return new CredentialReusePolicy(settings.id(), settings.details().stream().map(String::trim).toList(), settings.batchSize(),
                    settings.reissueTriggerUnused(), settings.reissueTriggerLifetimeLeft());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + "_REUSE_POLICY: " + e.getMessage(), e);
        }
    }

    /**
     * Environment variable names are upper case and Spring lower-cases map keys, so the key has lost the spelling the
     * backend uses. A {@code vct} whose last path segment is the key, case aside ({@code .../types/IdentityCredential}),
     * still has it; otherwise the key is the id. A key with capitals (spelled so in a YAML file) is kept as written.
     */
    static String spellingFromVct(String key, String vct) {
        if (!key.equals(key.toLowerCase(Locale.ROOT))) return key;
        String path = vct.split("[?#]", 2)[0];
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.equalsIgnoreCase(key) ? last : key;
    }

    private static void warnLegacyLang(String variable, CredentialConfigurationsProperties.Entry entry, int entries) {
        var vct = entry.vct();
        String where = vct != null && vct.filepath() != null && !"remote".equalsIgnoreCase(vct.source())
                ? "file " + vct.filepath() + " (" + variable + "_VCT_FILEPATH)"
                : "document at " + (vct == null ? null : vct.url()) + " (" + variable + "_VCT_URL)";
        log.warn("Type Metadata {} uses the legacy display member \"lang\" in {} display entr{}: read as \"locale\", "
                        + "its name since SD-JWT VC draft -12, and served and advertised as locale; rename it in the file",
                where, entries, entries == 1 ? "y" : "ies");
    }

    /**
     * TM-5: consumers reject credentials that break their Type Metadata. Array elements are issued as part of their
     * array, never as Disclosures of their own, so a document that demands {@code sd: always} below an array cannot
     * be honoured and is refused here rather than at the first issuance.
     */
    private static void requireIssuable(TypeMetadata typeMetadata) {
        for (ClaimMetadata claim : typeMetadata.claims()) {
            boolean belowArray = claim.path().stream().anyMatch(element -> !(element instanceof String));
            if (belowArray && "always".equals(claim.sd())) {
                throw new IllegalArgumentException("claim " + claim.path() + " asks for sd always on array elements, "
                        + "which this connector cannot issue; use allowed or never");
            }
        }
    }

    private static byte[] readDocument(String variable, CredentialConfigurationsProperties.Entry entry) {
        var vct = entry.vct() == null ? new CredentialConfigurationsProperties.Vct("local", null, null) : entry.vct();
        String source = vct.source() == null ? "local" : vct.source().toLowerCase(Locale.ROOT);
        if ("local".equals(source)) {
            if (vct.filepath() == null) throw new IllegalArgumentException(variable + "_VCT_FILEPATH is not set");
            if (!Files.isReadable(vct.filepath())) {
                throw new IllegalArgumentException(variable + "_VCT_FILEPATH: cannot read " + vct.filepath().toAbsolutePath());
            }
            try {
                byte[] bytes = Files.readAllBytes(vct.filepath());
                if (bytes.length > RemoteTypeMetadataFetcher.MAX_DOCUMENT_BYTES) throw new IllegalArgumentException(variable + "_VCT_FILEPATH: file over 1 MiB");
                return bytes;
            } catch (IOException e) {
                throw new IllegalArgumentException(variable + "_VCT_FILEPATH: " + e.getMessage());
            }
        }
        if ("remote".equals(source)) return new RemoteTypeMetadataFetcher().fetch(variable, vct.url());
        throw new IllegalArgumentException(variable + "_VCT_SOURCE must be local or remote");
    }
}
