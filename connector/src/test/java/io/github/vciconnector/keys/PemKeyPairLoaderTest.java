package io.github.vciconnector.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static io.github.vciconnector.keys.TestCertificates.leaf;
import static io.github.vciconnector.keys.TestCertificates.pem;
import static io.github.vciconnector.keys.TestCertificates.pkcs8;
import static io.github.vciconnector.keys.TestCertificates.root;
import static io.github.vciconnector.keys.TestCertificates.sec1;
import static org.assertj.core.api.Assertions.assertThat;

/** Happy paths of {@link PemKeyPairLoader}; refusals are in {@link PemKeyPairLoaderRefusalTest}. */
class PemKeyPairLoaderTest {

    static final PemKeyPairLoader LOADER = new PemKeyPairLoader(Clock.fixed(TestCertificates.NOW, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @Test
    void loadWhenChainEndsWithRootThenX5cExcludesTrustAnchor() throws Exception {
        var ca = root("Issuer Root");
        var intermediate = TestCertificates.intermediate("Issuer Intermediate", ca);
        var leaf = leaf("Issuer Signing", intermediate);
        var certPath = pem(dir, "chain.pem", leaf.certificate(), intermediate.certificate(), ca.certificate());

        var key = LOADER.load(CertificatesProperties.SIGNING, certPath, pkcs8(dir, "key.pem", leaf.keys().getPrivate()));

        // SDVC-2 / HAIP-15: x5c is leaf + intermediates, trust anchor not included
        assertThat(key.chain()).containsExactly(leaf.certificate(), intermediate.certificate());
        assertThat(key.jwk().getX509CertChain()).containsExactly(
                Base64.encode(leaf.certificate().getEncoded()), Base64.encode(intermediate.certificate().getEncoded()));
    }

    @Test
    void loadWhenLeafOnlyThenX5cHoldsLeaf() {
        var leaf = leaf("Issuer Signing", root("Issuer Root"));

        var key = LOADER.load(CertificatesProperties.SIGNING, pem(dir, "leaf.pem", leaf.certificate()),
                pkcs8(dir, "key.pem", leaf.keys().getPrivate()));

        assertThat(key.chain()).containsExactly(leaf.certificate());
    }

    @Test
    void loadWhenChainWithoutRootThenX5cKeepsWholeChain() {
        var intermediate = TestCertificates.intermediate("Issuer Intermediate", root("Issuer Root"));
        var leaf = leaf("Issuer Signing", intermediate);

        var key = LOADER.load(CertificatesProperties.SIGNING,
                pem(dir, "chain.pem", leaf.certificate(), intermediate.certificate()),
                pkcs8(dir, "key.pem", leaf.keys().getPrivate()));

        assertThat(key.chain()).containsExactly(leaf.certificate(), intermediate.certificate());
    }

    @Test
    void loadWhenPkcs8KeyThenJwkHasThumbprintKidEs256AndSig() throws Exception {
        var ca = root("Issuer Root");
        var leaf = leaf("Issuer Signing", ca);
        var keyPath = pkcs8(dir, "key.pem", leaf.keys().getPrivate());
        assertThat(Files.readString(keyPath)).contains("-----BEGIN PRIVATE KEY-----");

        var key = LOADER.load(CertificatesProperties.SIGNING, pem(dir, "chain.pem", leaf.certificate(),
                ca.certificate()), keyPath);

        assertThat(key.jwk().isPrivate()).isTrue();
        assertThat(key.jwk().getKeyID()).isEqualTo(key.jwk().toPublicJWK().computeThumbprint().toString());
        assertThat(key.jwk().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(key.jwk().getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    }

    @Test
    void loadWhenSec1KeyThenLoads() throws Exception {
        var ca = root("Issuer Root");
        var leaf = leaf("Issuer Signing", ca);
        var keyPath = sec1(dir, "key.pem", leaf.keys().getPrivate());
        assertThat(Files.readString(keyPath)).contains("-----BEGIN EC PRIVATE KEY-----");

        var key = LOADER.load(CertificatesProperties.ACCESS, pem(dir, "chain.pem", leaf.certificate(),
                ca.certificate()), keyPath);

        assertThat(key.jwk().toECPublicKey()).isEqualTo(leaf.certificate().getPublicKey());
    }

    @Test
    void loadWhenKeyPrecededByEcParametersThenLoads() throws Exception {
        var leaf = leaf("Issuer Signing", root("Issuer Root"));
        var keyPath = sec1(dir, "key.pem", leaf.keys().getPrivate());
        // what `openssl ecparam -genkey -name prime256v1` writes before the key
        Files.writeString(keyPath, "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + Files.readString(keyPath));

        var key = LOADER.load(CertificatesProperties.SIGNING, pem(dir, "leaf.pem", leaf.certificate()), keyPath);

        assertThat(key.chain()).isEqualTo(List.of(leaf.certificate()));
    }

    @Test
    void loadWhenLeafSelfSignedThenAcceptedAndX5cHoldsThatOneCertificate() {
        // The product guide's `openssl req -x509`: accepted for trying things out, warned about by SelfSignedCertificates.
        var keys = TestCertificates.p256();
        var selfSigned = TestCertificates.build("My Organization Issuer", keys, "My Organization Issuer", keys,
                TestCertificates.NOW.minusSeconds(60), TestCertificates.NOW.plusSeconds(86_400), true);

        var key = LOADER.load(CertificatesProperties.SIGNING, pem(dir, "cert.pem", selfSigned),
                sec1(dir, "key.pem", keys.getPrivate()));

        assertThat(key.selfSigned()).isTrue();
        assertThat(key.chain()).containsExactly(selfSigned);
        assertThat(key.jwk().getX509CertChain()).hasSize(1);
    }

    @Test
    void loadWhenLeafIssuedByCaThenNotSelfSigned() {
        var ca = root("Issuer Root");
        var leaf = leaf("Issuer Signing", ca);

        var key = LOADER.load(CertificatesProperties.SIGNING, pem(dir, "chain.pem", leaf.certificate(), ca.certificate()),
                pkcs8(dir, "key.pem", leaf.keys().getPrivate()));

        assertThat(key.selfSigned()).isFalse();
    }
}
