package io.github.vciconnector.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issuer certificates and keys, bound from {@code connector.certificates.*}: {@code signing} signs credentials,
 * {@code access} signs the issuer metadata. Either all four paths are set or none (then only the {@code dev}
 * profile may generate throw-away keys, see {@link KeysConfiguration}).
 */
@ConfigurationProperties("connector.certificates")
public record CertificatesProperties(KeyFiles signing, KeyFiles access) {

    public static final String SIGNING = "connector.certificates.signing";
    public static final String ACCESS = "connector.certificates.access";

    public CertificatesProperties {
        var missing = missingSettings(signing, access);
        // A half-configured key is always a mistake, whatever the profile: never fall back to generated keys.
        if (!missing.isEmpty() && missing.size() < 4)
            throw new InvalidKeyConfigurationException(
                    "incomplete issuer key configuration, missing " + String.join(", ", missing));
    }

    /** True when no path at all is configured. */
    public boolean isEmpty() {
        return missingSettings(signing, access).size() == 4;
    }

    /** All four settings, described for an error message. */
    public static List<String> allSettings() {
        return missingSettings(null, null);
    }

    /** Describes a property as operators set it: {@code ENV_NAME (property.name)}. */
    public static String describe(String property) {
        var env = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return env + " (" + property + ")";
    }

    private static List<String> missingSettings(KeyFiles signing, KeyFiles access) {
        var missing = new ArrayList<String>();
        addMissing(missing, SIGNING, signing);
        addMissing(missing, ACCESS, access);
        return missing;
    }

    private static void addMissing(List<String> missing, String prefix, KeyFiles files) {
        if (files == null || files.certPath() == null) missing.add(describe(prefix + ".cert-path"));
        if (files == null || files.keyPath() == null) missing.add(describe(prefix + ".key-path"));
    }

    /** A PEM certificate file (leaf first, chain allowed) and the PEM file of the leaf's EC P-256 private key. */
    public record KeyFiles(Path certPath, Path keyPath) {
        public KeyFiles {
            // An empty environment variable means "not set", not "the current directory".
            if (certPath != null && certPath.toString().isBlank()) certPath = null;
            if (keyPath != null && keyPath.toString().isBlank()) keyPath = null;
        }
    }
}
