package io.github.vciconnector.replicas;

import io.github.vciconnector.keys.DevelopmentKeys;
import io.github.vciconnector.keys.SigningKey;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;

/**
 * One set of issuer keys written as PEM files, and one master secret file, so every replica of a test loads the
 * same keys, as a real deployment mounts the same certificates and secrets into each replica.
 */
final class SharedIssuerKeys {

    private SharedIssuerKeys() {
    }

    /**
     * Writes fresh keys and a master secret into {@code directory} and returns the connector.certificates.* and
     * connector.secrets.key-file settings naming them.
     */
    static Map<String, Object> write(Path directory) {
        var keys = new DevelopmentKeys(Clock.systemUTC(), new SecureRandom()).generate();
        return Map.of(
                "connector.certificates.signing.cert-path", writeChain(directory.resolve("signing.pem"), keys.credential()),
                "connector.certificates.signing.key-path", writeKey(directory.resolve("signing.key"), keys.credential()),
                "connector.certificates.access.cert-path", writeChain(directory.resolve("access.pem"), keys.access()),
                "connector.certificates.access.key-path", writeKey(directory.resolve("access.key"), keys.access()),
                "connector.secrets.key-file", writeMasterSecret(directory.resolve("master.key")));
    }

    /** 32 random bytes, as {@code openssl rand -out master.key 32} writes them. */
    static String writeMasterSecret(Path file) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            Files.write(file, secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    private static String writeChain(Path file, SigningKey key) {
        try (Writer out = Files.newBufferedWriter(file); var pem = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : key.chain()) pem.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    private static String writeKey(Path file, SigningKey key) {
        try (Writer out = Files.newBufferedWriter(file); var pem = new JcaPEMWriter(out)) {
            pem.writeObject(new JcaPKCS8Generator(key.jwk().toECPrivateKey(), null));
        } catch (Exception e) {
            throw new IllegalStateException("could not write test key", e);
        }
        return file.toString();
    }
}
