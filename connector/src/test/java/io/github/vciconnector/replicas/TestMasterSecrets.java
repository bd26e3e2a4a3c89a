package io.github.vciconnector.replicas;

import java.security.SecureRandom;
import java.util.Base64;

/** Master secrets for connectors under test, in the base64 form of {@code CONNECTOR_SECRETS_KEY}. */
final class TestMasterSecrets {

    private TestMasterSecrets() {
    }

    static byte[] random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    static String base64() {
        return Base64.getEncoder().encodeToString(random());
    }
}
