package io.github.vciconnector.keys;

import com.nimbusds.jose.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.github.vciconnector.keys.X509ChainValidatorTest.x5c;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an attestation chain must be beyond "PKIX says yes" (issue 17, L-3 and L-4): leaf first and each certificate
 * issued by the next (RFC 7515 §4.1.6), an end-entity leaf for signing, SHA-256+ signatures, and the anchor's own
 * pathLen and name constraints honoured.
 */
class X509ChainProfileTest {

    static final Instant NOW = Instant.now();
    static final TestPki.Issued ANCHOR = TestChains.anchor("CN=Provider Root", null);
    static final TestPki.Issued INTERMEDIATE = TestChains.certificate("CN=Provider Issuing CA").ca(null).issuedBy(ANCHOR);
    static final TestPki.Issued LEAF = TestChains.certificate("CN=Attestation Signer").issuedBy(INTERMEDIATE);
    final X509ChainValidator validator = new X509ChainValidator(List.of(ANCHOR.certificate()));

    @Test
    void validateWhenLeafThenIntermediateThenReturnsLeaf() {
        assertThat(validator.validate(x5c(LEAF.certificate(), INTERMEDIATE.certificate()), NOW)).isEqualTo(LEAF.certificate());
    }

    @Test
    void validateWhenIntermediateListedBeforeLeafThenRefused() {
        // The L-3 attack: the JWT is signed with the CA key, so x5c[0] must be the leaf or the CA key signs for anyone.
        assertRefused(validator, x5c(INTERMEDIATE.certificate(), LEAF.certificate()),
                "x5c must list the leaf first, each certificate followed by its issuer");
    }

    @Test
    void validateWhenReversedChainAfterTheRightOrderWasCachedThenStillRefused() {
        validator.validate(x5c(LEAF.certificate(), INTERMEDIATE.certificate()), NOW);

        assertRefused(validator, x5c(INTERMEDIATE.certificate(), LEAF.certificate()),
                "x5c must list the leaf first, each certificate followed by its issuer");
    }

    @Test
    void validateWhenNextCertificateHasTheIssuerNameButDidNotSignThenRefused() {
        var impostor = TestChains.certificate("CN=Provider Issuing CA").ca(null).issuedBy(ANCHOR);

        assertRefused(validator, x5c(LEAF.certificate(), impostor.certificate()),
                "x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    @Test
    void validateWhenAnchorInTheMiddleThenRefused() {
        var leaf = TestChains.certificate("CN=Direct Signer").issuedBy(ANCHOR);

        assertRefused(validator, x5c(leaf.certificate(), ANCHOR.certificate(), ANCHOR.certificate()),
                "x5c holds a trust anchor before its end");
    }

    @Test
    void validateWhenLeafIsACaThenRefused() {
        var caLeaf = TestChains.certificate("CN=CA Signer").caFlag().issuedBy(ANCHOR);

        assertRefused(validator, x5c(caLeaf.certificate()), "x5c leaf certificate must not be a CA");
    }

    @Test
    void validateWhenLeafKeyUsageIsKeyCertSignOnlyThenRefused() {
        var leaf = TestChains.certificate("CN=Cert Signer").keyUsage(KeyUsage.keyCertSign).issuedBy(ANCHOR);

        assertRefused(validator, x5c(leaf.certificate()), "x5c leaf certificate keyUsage lacks digitalSignature");
    }

    @Test
    void validateWhenLeafHasNoKeyUsageThenAccepted() {
        var leaf = TestChains.certificate("CN=Unrestricted Signer").keyUsage(null).issuedBy(ANCHOR);

        assertThat(validator.validate(x5c(leaf.certificate()), NOW)).isEqualTo(leaf.certificate());
    }

    @Test
    void validateWhenLeafSignedWithSha1ThenRefused() {
        var leaf = TestChains.certificate("CN=Sha1 Signer").signedWith("SHA1withECDSA").issuedBy(ANCHOR);

        assertRefused(validator, x5c(leaf.certificate()), "x5c certificate signature algorithm is not allowed");
    }

    @Test
    void validateWhenIntermediateSignedWithSha1ThenRefused() {
        var intermediate = TestChains.certificate("CN=Sha1 CA").ca(null).signedWith("SHA1withECDSA").issuedBy(ANCHOR);
        var leaf = TestChains.certificate("CN=Signer").issuedBy(intermediate);

        assertRefused(validator, x5c(leaf.certificate(), intermediate.certificate()), "x5c certificate signature algorithm is not allowed");
    }

    @Test
    void validateWhenLeafSignedWithSha384ThenAccepted() {
        var leaf = TestChains.certificate("CN=Sha384 Signer").signedWith("SHA384withECDSA").issuedBy(ANCHOR);

        assertThat(validator.validate(x5c(leaf.certificate()), NOW)).isEqualTo(leaf.certificate());
    }

    @Test
    void validateWhenIntermediateBeyondTheAnchorsPathLenZeroThenRefused() {
        var anchor = TestChains.anchor("CN=Leaf-only Root", 0);
        var intermediate = TestChains.certificate("CN=Unauthorised CA").ca(null).issuedBy(anchor);
        var leaf = TestChains.certificate("CN=Signer").issuedBy(intermediate);

        assertRefused(new X509ChainValidator(List.of(anchor.certificate())), x5c(leaf.certificate(), intermediate.certificate()),
                "x5c has more intermediate CAs than the trust anchor's pathLen allows");
    }

    @Test
    void validateWhenLeafDirectlyUnderAnchorWithPathLenZeroThenAccepted() {
        var anchor = TestChains.anchor("CN=Leaf-only Root", 0);
        var leaf = TestChains.certificate("CN=Signer").issuedBy(anchor);

        assertThat(new X509ChainValidator(List.of(anchor.certificate())).validate(x5c(leaf.certificate()), NOW))
                .isEqualTo(leaf.certificate());
    }

    @Test
    void validateWhenIntermediateBeyondAnIntermediatesPathLenThenRefused() {
        var first = TestChains.certificate("CN=First CA").ca(0).issuedBy(ANCHOR);
        var second = TestChains.certificate("CN=Second CA").ca(null).issuedBy(first);
        var leaf = TestChains.certificate("CN=Signer").issuedBy(second);

        assertRefused(validator, x5c(leaf.certificate(), second.certificate(), first.certificate()),
                "x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    @Test
    void validateWhenLeafSubjectOutsideTheAnchorsDirectoryNameConstraintThenRefused() {
        var anchor = constrainedAnchor(new GeneralName(new X500Name("O=Good Wallets")));
        var leaf = TestChains.certificate("O=Evil Wallets, CN=Signer").issuedBy(anchor);

        assertRefused(new X509ChainValidator(List.of(anchor.certificate())), x5c(leaf.certificate()),
                "x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    @Test
    void validateWhenLeafSubjectInsideTheAnchorsDirectoryNameConstraintThenAccepted() {
        var anchor = constrainedAnchor(new GeneralName(new X500Name("O=Good Wallets")));
        var leaf = TestChains.certificate("O=Good Wallets, CN=Signer").issuedBy(anchor);

        assertThat(new X509ChainValidator(List.of(anchor.certificate())).validate(x5c(leaf.certificate()), NOW))
                .isEqualTo(leaf.certificate());
    }

    @Test
    void validateWhenLeafDnsNameOutsideTheAnchorsDnsConstraintThenRefused() {
        var anchor = constrainedAnchor(new GeneralName(GeneralName.dNSName, "wallet.example"));
        var intermediate = TestChains.certificate("CN=Issuing CA").ca(null).issuedBy(anchor);
        var leaf = TestChains.certificate("CN=Signer").alternativeName(new GeneralName(GeneralName.dNSName, "evil.example"))
                .issuedBy(intermediate);

        assertRefused(new X509ChainValidator(List.of(anchor.certificate())), x5c(leaf.certificate(), intermediate.certificate()),
                "x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    @Test
    void validateWhenLeafOutsideAnIntermediatesNameConstraintThenRefused() {
        var intermediate = TestChains.certificate("CN=Constrained CA").ca(null)
                .permitted(new GeneralName(GeneralName.dNSName, "wallet.example")).issuedBy(ANCHOR);
        var leaf = TestChains.certificate("CN=Signer").alternativeName(new GeneralName(GeneralName.dNSName, "evil.example"))
                .issuedBy(intermediate);

        assertRefused(validator, x5c(leaf.certificate(), intermediate.certificate()),
                "x5c does not chain to a trusted anchor or a certificate is not valid now");
    }

    private static TestPki.Issued constrainedAnchor(GeneralName permitted) {
        return TestChains.certificate("CN=Constrained Root").ca(null).permitted(permitted).selfSigned();
    }

    private static void assertRefused(X509ChainValidator validator, List<Base64> x5c, String message) {
        assertThatThrownBy(() -> validator.validate(x5c, NOW)).isInstanceOf(X509ChainValidator.InvalidChainException.class)
                .hasMessage(message);
    }
}
