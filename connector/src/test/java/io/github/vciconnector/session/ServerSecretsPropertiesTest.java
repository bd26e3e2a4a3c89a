package io.github.vciconnector.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The master secret is refused at startup when missing, short or obviously not random, with a message naming the variable. */
class ServerSecretsPropertiesTest {

    private static final String NEEDED_BY = "the Redis session store";

    @TempDir
    Path dir;

    @Test
    void loadWhenNothingSetThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> new ServerSecretsProperties(null, "", null, null).load(NEEDED_BY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("CONNECTOR_SECRETS_KEY_FILE (or CONNECTOR_SECRETS_KEY) is not set: the Redis session store")
                .hasMessageContaining("openssl rand -out master.key 32");
    }

    @Test
    void loadWhenFileShorterThan32BytesThenRefused() throws IOException {
        Path file = write(random(31));
        assertThatThrownBy(() -> new ServerSecretsProperties(file, null, null, null).load(NEEDED_BY))
                .hasMessageStartingWith("CONNECTOR_SECRETS_KEY_FILE: the master secret has 31 bytes, at least 32 random bytes are needed");
    }

    @Test
    void loadWhenAllBytesTheSameThenRefusedAsNotRandom() {
        byte[] same = new byte[64];
        Arrays.fill(same, (byte) 'a');
        assertThatThrownBy(() -> properties(same).load(NEEDED_BY))
                .hasMessageStartingWith("CONNECTOR_SECRETS_KEY: the master secret does not look random");
    }

    @Test
    void loadWhenBytesCountUpThenRefusedAsNotRandom() {
        byte[] sequence = new byte[32];
        for (int i = 0; i < sequence.length; i++) sequence[i] = (byte) i;
        assertThatThrownBy(() -> properties(sequence).load(NEEDED_BY)).hasMessageContaining("does not look random");
    }

    @Test
    void loadWhenFewDistinctBytesThenRefusedAsNotRandom() {
        byte[] text = "abababababcdcdcdcdcdabababababcdcdcdcdcd".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> properties(text).load(NEEDED_BY)).hasMessageContaining("does not look random");
    }

    @Test
    void loadWhenNotBase64ThenRefusedWithoutEchoingTheValue() {
        assertThatThrownBy(() -> new ServerSecretsProperties(null, "not base64 at all!", null, null).load(NEEDED_BY))
                .hasMessage("CONNECTOR_SECRETS_KEY is not base64 (create one with: openssl rand -base64 32)");
    }

    @Test
    void loadWhenFileAndVariableBothSetThenRefused() throws IOException {
        Path file = write(random(32));
        assertThatThrownBy(() -> new ServerSecretsProperties(file, base64(random(32)), null, null).load(NEEDED_BY))
                .hasMessage("set only one of CONNECTOR_SECRETS_KEY_FILE and CONNECTOR_SECRETS_KEY");
    }

    @Test
    void loadWhenFileMissingThenRefusedNamingTheFile() {
        Path missing = dir.resolve("absent.key");
        assertThatThrownBy(() -> new ServerSecretsProperties(missing, null, null, null).load(NEEDED_BY))
                .hasMessage("CONNECTOR_SECRETS_KEY_FILE names a file that cannot be read: " + missing);
    }

    @Test
    void loadWhenPreviousKeyWeakThenRefusedNamingPreviousVariable() {
        assertThatThrownBy(() -> new ServerSecretsProperties(null, base64(random(32)), null, base64(random(8))).load(NEEDED_BY))
                .hasMessageStartingWith("CONNECTOR_SECRETS_PREVIOUS_KEY: the master secret has 8 bytes");
    }

    @Test
    void loadWhenFileOrBase64OfSameBytesThenSameKeys() throws IOException {
        byte[] master = random(32);
        var fromFile = new ServerSecretsProperties(write(master), null, null, null).load(NEEDED_BY);
        var fromVariable = properties(master).load(NEEDED_BY);
        byte[] input = "x".getBytes(StandardCharsets.UTF_8);
        assertThat(fromFile.hmacKey("offer-secrets").mac(input)).isEqualTo(fromVariable.hmacKey("offer-secrets").mac(input));
        assertThat(fromFile.hasPrevious()).isFalse();
    }

    @Test
    void toStringWhenKeysSetThenMasked() {
        String key = base64(random(32));
        assertThat(new ServerSecretsProperties(null, key, null, key).toString()).doesNotContain(key).contains("****");
    }

    private ServerSecretsProperties properties(byte[] master) {
        return new ServerSecretsProperties(null, base64(master), null, null);
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "master", ".key");
        Files.write(file, bytes);
        return file;
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
