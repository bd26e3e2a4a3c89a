package io.github.vciconnector.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Where the master secret comes from, bound from {@code connector.secrets.*}: a file of raw random bytes
 * ({@code CONNECTOR_SECRETS_KEY_FILE}, as {@code openssl rand -out master.key 32} writes it) or the same bytes in
 * base64 ({@code CONNECTOR_SECRETS_KEY}), and optionally the previous one during a rotation. Required by the Redis
 * store; the in-memory store uses it when set and otherwise draws a random one.
 *
 * @param keyFile         file holding the current master secret (raw bytes)
 * @param key             the current master secret in base64, instead of a file
 * @param previousKeyFile file holding the master secret before the last rotation, accepted for verification only
 * @param previousKey     the previous master secret in base64, instead of a file
 */
@ConfigurationProperties("connector.secrets")
public record ServerSecretsProperties(Path keyFile, String key, Path previousKeyFile, String previousKey) {

    public static final String KEY_FILE_VARIABLE = "CONNECTOR_SECRETS_KEY_FILE";
    public static final String KEY_VARIABLE = "CONNECTOR_SECRETS_KEY";
    public static final String PREVIOUS_KEY_FILE_VARIABLE = "CONNECTOR_SECRETS_PREVIOUS_KEY_FILE";
    public static final String PREVIOUS_KEY_VARIABLE = "CONNECTOR_SECRETS_PREVIOUS_KEY";
    /** A master secret file larger than this is not a key file (a wrong path, say). */
    private static final Logger log = LoggerFactory.getLogger(ServerSecretsProperties.class);
    private static final int MAX_FILE_BYTES = 1024;

    public ServerSecretsProperties {
        // An empty environment variable means "not set", as elsewhere in the connector
        keyFile = blankToNull(keyFile);
        key = key == null || key.isBlank() ? null : key.strip();
        previousKeyFile = blankToNull(previousKeyFile);
        previousKey = previousKey == null || previousKey.isBlank() ? null : previousKey.strip();
    }

    /** True when the operator supplied a current master secret. */
    public boolean configured() {
        return keyFile != null || key != null;
    }

    /**
     * Reads and checks the master secrets. Throws {@link IllegalStateException} with a one-line message naming the
     * variable (never the value) when none is set, both forms are set, or a secret is short or not random.
     */
    public ServerSecrets load(String neededBy) {
        if (!configured()) {
            throw new IllegalStateException(KEY_FILE_VARIABLE + " (or " + KEY_VARIABLE + ") is not set: " + neededBy
                    + " needs a master secret of at least 32 random bytes, the same on every replica "
                    + "(create one with: openssl rand -out master.key 32)");
        }
        byte[] current = read(keyFile, key, KEY_FILE_VARIABLE, KEY_VARIABLE);
        byte[] previous = previousKeyFile == null && previousKey == null ? null
                : read(previousKeyFile, previousKey, PREVIOUS_KEY_FILE_VARIABLE, PREVIOUS_KEY_VARIABLE);
        ServerSecrets secrets;
        try {
            secrets = ServerSecrets.of(current, previous);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException((previousKeyFile != null ? PREVIOUS_KEY_FILE_VARIABLE : PREVIOUS_KEY_VARIABLE) + ": " + e.getMessage());
        }
        if (secrets.hasPrevious()) {
            // A grace period that is forgotten never ends: say so at every start until the setting is removed.
            log.warn("master secret rotation in progress: values made under the previous master secret are still accepted; "
                    + "remove {} / {} from every replica once the grace period is over (docs/deployment.md, 'Master secret')",
                    PREVIOUS_KEY_FILE_VARIABLE, PREVIOUS_KEY_VARIABLE);
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "ServerSecretsProperties[keyFile=" + keyFile + ", key=" + (key == null ? null : "****")
                + ", previousKeyFile=" + previousKeyFile + ", previousKey=" + (previousKey == null ? null : "****") + "]";
    }

    private static byte[] read(Path file, String base64, String fileVariable, String variable) {
        if (file != null && base64 != null) throw new IllegalStateException("set only one of " + fileVariable + " and " + variable);
        String setting = file != null ? fileVariable : variable;
        byte[] secret = file != null ? readFile(file, fileVariable) : decode(base64, variable);
        try {
            ServerSecrets.requireStrong(secret, "the master secret");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + ": " + e.getMessage() + " (create one with: openssl rand -out master.key 32)");
        }
        return secret;
    }

    private static byte[] readFile(Path file, String variable) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalStateException(variable + " names a file of more than " + MAX_FILE_BYTES + " bytes: " + file);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(variable + " names a file that cannot be read: " + file);
        }
    }

    private static byte[] decode(String base64, String variable) {
        try {
            // Both alphabets, with or without padding: operators paste what openssl or a vault hands them
            return Base64.getDecoder().decode(base64.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not base64 (create one with: openssl rand -base64 32)");
        }
    }

    private static Path blankToNull(Path path) {
        return path == null || path.toString().isBlank() ? null : path;
    }
}
