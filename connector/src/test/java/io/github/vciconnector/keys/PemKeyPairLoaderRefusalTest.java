package io.github.vciconnector.keys;

import io.github.vciconnector.jose.Es256;
import org.assertj.core.api.AbstractStringAssert;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;

import static io.github.vciconnector.keys.PemKeyPairLoaderTest.LOADER;
import static io.github.vciconnector.keys.TestCertificates.NOW;
import static io.github.vciconnector.keys.TestCertificates.leaf;
import static io.github.vciconnector.keys.TestCertificates.pem;
import static io.github.vciconnector.keys.TestCertificates.pkcs8;
import static io.github.vciconnector.keys.TestCertificates.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each way {@link PemKeyPairLoader} refuses a key, and that the message names the setting to fix. */
class PemKeyPairLoaderRefusalTest {

    static final String CERT = "CONNECTOR_CERTIFICATES_SIGNING_CERT_PATH (connector.certificates.signing.cert-path): ";
    static final String KEY = "CONNECTOR_CERTIFICATES_SIGNING_KEY_PATH (connector.certificates.signing.key-path): ";

    @TempDir
    Path dir;

    final TestCertificates.Issued ca = root("Issuer Root");
    final TestCertificates.Issued leaf = leaf("Issuer Signing", ca);

    @Test
    void loadWhenCertFileMissingThenNamesCertVariable() {
        assertRefused(dir.resolve("absent.pem"), key()).startsWith(CERT).contains("does not exist");
    }

    @Test
    void loadWhenKeyFileMissingThenNamesKeyVariable() {
        assertRefused(chain(), dir.resolve("absent.pem")).startsWith(KEY).contains("does not exist");
    }

    @Test
    void loadWhenCertFileNotPemThenNamesCertVariable() throws Exception {
        var garbage = Files.writeString(dir.resolve("cert.der"), "not a certificate");
        assertRefused(garbage, key()).startsWith(CERT).contains("is not a PEM file");
    }

    @Test
    void loadWhenCertFileHasBrokenBase64ThenNamesCertVariable() throws Exception {
        var broken = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n@@@\n-----END CERTIFICATE-----\n");
        assertRefused(broken, key()).startsWith(CERT).contains("is not valid PEM");
    }

    @Test
    void loadWhenKeyFileHoldsCertificateThenNamesKeyVariable() {
        assertRefused(chain(), pem(dir, "key.pem", leaf.certificate())).startsWith(KEY).contains("not a private key");
    }

    @Test
    void loadWhenKeyEncryptedThenNamesKeyVariable() throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                .setPassword("secret".toCharArray()).setProvider(Es256.PROVIDER).build();
        var encrypted = pem(dir, "key.pem", new JcaPKCS8Generator(leaf.keys().getPrivate(), encryptor).generate());
        assertRefused(chain(), encrypted).startsWith(KEY).contains("encrypted");
    }

    @Test
    void loadWhenKeyIsP384ThenNamesKeyVariable() {
        var p384 = TestCertificates.keyPair("secp384r1");
        assertRefused(chain(), pkcs8(dir, "key.pem", p384.getPrivate())).startsWith(KEY).contains("P-384, expected P-256");
    }

    @Test
    void loadWhenKeyDoesNotMatchCertificateThenNamesBothVariables() {
        var other = TestCertificates.p256();
        assertRefused(chain(), pkcs8(dir, "key.pem", other.getPrivate())).startsWith(KEY)
                .contains("does not match the leaf certificate CN=Issuer Signing")
                .contains("CONNECTOR_CERTIFICATES_SIGNING_CERT_PATH");
    }

    @Test
    void loadWhenLeafExpiredThenNamesSubjectAndDates() {
        var expired = leaf("Old Signing", leaf.keys(), ca, NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(1)));
        assertRefused(pem(dir, "c.pem", expired.certificate(), ca.certificate()), key()).startsWith(CERT)
                .contains("certificate CN=Old Signing has expired")
                .contains("to " + expired.certificate().getNotAfter().toInstant());
    }

    @Test
    void loadWhenLeafNotYetValidThenNamesSubjectAndDates() {
        var future = leaf("Future Signing", leaf.keys(), ca, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(9)));
        assertRefused(pem(dir, "c.pem", future.certificate(), ca.certificate()), key()).startsWith(CERT)
                .contains("certificate CN=Future Signing is not yet valid")
                .contains("valid from " + future.certificate().getNotBefore().toInstant());
    }

    @Test
    void loadWhenRootExpiredThenNamesRoot() {
        var old = TestCertificates.build("Old Root", ca.keys(), "Old Root", ca.keys(), NOW.minus(Duration.ofDays(9)),
                NOW.minus(Duration.ofDays(1)), true);
        var child = leaf("Issuer Signing", leaf.keys(), new TestCertificates.Issued(old, ca.keys()),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));
        assertRefused(pem(dir, "c.pem", child.certificate(), old), key()).startsWith(CERT)
                .contains("certificate CN=Old Root has expired");
    }

    @Test
    void loadWhenSelfSignedLeafFollowedByOtherCertificatesThenRefused() {
        // A lone self-signed leaf is accepted (PemKeyPairLoaderTest); one that claims a chain is a mistake.
        var selfSigned = TestCertificates.build("Issuer Signing", leaf.keys(), "Issuer Signing", leaf.keys(),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), false);
        assertRefused(pem(dir, "c.pem", selfSigned, ca.certificate()), key()).startsWith(CERT)
                .contains("is self-signed but followed by other certificates");
    }

    @Test
    void loadWhenChainOutOfOrderThenNamesCertVariable() {
        var intermediate = TestCertificates.intermediate("Issuer Intermediate", ca);
        var child = leaf("Issuer Signing", leaf.keys(), intermediate, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));
        var shuffled = pem(dir, "c.pem", child.certificate(), ca.certificate(), intermediate.certificate());
        assertRefused(shuffled, key()).startsWith(CERT)
                .contains("CN=Issuer Signing at position 1 is not signed by the next certificate CN=Issuer Root");
    }

    @Test
    void loadWhenIssuerNameMatchesButSignatureDoesNotThenRefused() {
        var impostor = root("Issuer Root"); // same name, different key
        assertRefused(pem(dir, "c.pem", leaf.certificate(), impostor.certificate()), key()).startsWith(CERT)
                .contains("is not signed by the next certificate");
    }

    @Test
    void loadWhenRefusedThenMessageCarriesNoKeyMaterial() {
        var other = TestCertificates.p256();
        var d = ((ECPrivateKey) other.getPrivate()).getS();
        assertRefused(chain(), pkcs8(dir, "key.pem", other.getPrivate()))
                .doesNotContain(d.toString()).doesNotContain(d.toString(16)).doesNotContain("PRIVATE KEY-----");
    }

    private Path chain() {
        return pem(dir, "chain.pem", leaf.certificate(), ca.certificate());
    }

    private Path key() {
        return pkcs8(dir, "key.pem", leaf.keys().getPrivate());
    }

    private AbstractStringAssert<?> assertRefused(Path certPath, Path keyPath) {
        var thrown = catchThrowableOfType(InvalidKeyConfigurationException.class,
                () -> LOADER.load(CertificatesProperties.SIGNING, certPath, keyPath));
        assertThat(thrown).as("expected a refusal").isNotNull();
        assertThat(thrown.getMessage()).matches("[\\x20-\\x7e]*").doesNotContain("\"").doesNotContain("\\");
        return assertThat(thrown.getMessage());
    }
}
