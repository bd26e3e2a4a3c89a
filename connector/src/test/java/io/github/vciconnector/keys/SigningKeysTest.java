package io.github.vciconnector.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.github.vciconnector.keys.PemKeyPairLoaderTest.LOADER;
import static io.github.vciconnector.keys.TestCertificates.leaf;
import static io.github.vciconnector.keys.TestCertificates.pem;
import static io.github.vciconnector.keys.TestCertificates.pkcs8;
import static io.github.vciconnector.keys.TestCertificates.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void createWhenSameKeyForSigningAndAccessThenNamesBothSettings() {
        var ca = root("Issuer Root");
        var signing = leaf("Issuer Signing", ca);
        // a second certificate for the same key pair: different x5c, same key
        var access = leaf("Issuer Access", signing.keys(), ca, TestCertificates.NOW.minusSeconds(60),
                TestCertificates.NOW.plusSeconds(3600));
        var signingKey = load(CertificatesProperties.SIGNING, signing);
        var accessKey = load(CertificatesProperties.ACCESS, access);

        assertThatThrownBy(() -> new SigningKeys(signingKey, accessKey))
                .isInstanceOf(InvalidKeyConfigurationException.class)
                .hasMessageContaining("CONNECTOR_CERTIFICATES_SIGNING_KEY_PATH (connector.certificates.signing.key-path)")
                .hasMessageContaining("CONNECTOR_CERTIFICATES_ACCESS_KEY_PATH (connector.certificates.access.key-path)")
                .hasMessageContaining("must be a different key");
    }

    @Test
    void createWhenDifferentKeysThenKeepsBoth() {
        var ca = root("Issuer Root");
        var signingKey = load(CertificatesProperties.SIGNING, leaf("Issuer Signing", ca));
        var accessKey = load(CertificatesProperties.ACCESS, leaf("Issuer Access", ca));

        var keys = new SigningKeys(signingKey, accessKey);

        assertThat(keys.credential()).isSameAs(signingKey);
        assertThat(keys.access()).isSameAs(accessKey);
    }

    private SigningKey load(String prefix, TestCertificates.Issued issued) {
        var name = prefix.substring(prefix.lastIndexOf('.') + 1);
        return LOADER.load(prefix, pem(dir, name + ".pem", issued.certificate()),
                pkcs8(dir, name + ".key", issued.keys().getPrivate()));
    }
}
