package io.github.vciconnector.keys;

/**
 * Startup refusal: an issuer key or certificate setting is missing or unusable. The message names the
 * environment variable and the Spring property to fix, and never contains key material.
 */
public class InvalidKeyConfigurationException extends RuntimeException {

    public InvalidKeyConfigurationException(String message) {
        super(message);
    }

    public InvalidKeyConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Builds the message as {@code ENV_NAME (property.name): problem}. */
    static InvalidKeyConfigurationException forSetting(String property, String problem) {
        return new InvalidKeyConfigurationException(CertificatesProperties.describe(property) + ": " + problem);
    }

    static InvalidKeyConfigurationException forSetting(String property, String problem, Throwable cause) {
        return new InvalidKeyConfigurationException(CertificatesProperties.describe(property) + ": " + problem, cause);
    }

    /**
     * Makes file names and certificate subjects safe for a short ASCII message: control characters, quotes,
     * backslashes and non-ASCII characters become '?', and long values are cut.
     */
    static String printable(Object value) {
        var text = String.valueOf(value);
        var out = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? '?' : c);
        }
        return out.toString();
    }
}
