package io.github.vciconnector.metadata;

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

    private static final int MAX_DOCUMENT_BYTES = 1 << 20;

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
        String id = entry.id() == null || entry.id().isBlank() ? key : entry.id();
        if (!id.equalsIgnoreCase(key)) {
            throw new IllegalStateException(variable + "_ID must spell the same id as the key " + key + " (case aside)");
        }
        try {
            byte[] document = readDocument(variable, entry);
            var typeMetadata = TypeMetadata.parse(document);
            requireIssuable(typeMetadata);
            return new CredentialConfiguration(id, entry.scope(), typeMetadata, entry.validity());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + ": " + e.getMessage(), e);
        }
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
                if (bytes.length > MAX_DOCUMENT_BYTES) throw new IllegalArgumentException(variable + "_VCT_FILEPATH: file over 1 MiB");
                return bytes;
            } catch (IOException e) {
                throw new IllegalArgumentException(variable + "_VCT_FILEPATH: " + e.getMessage());
            }
        }
        if ("remote".equals(source)) return new RemoteTypeMetadataFetcher().fetch(variable, vct.url());
        throw new IllegalArgumentException(variable + "_VCT_SOURCE must be local or remote");
    }
}
