package io.github.vciconnector.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.github.vciconnector.jose.Es256;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentKeysTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final DevelopmentKeys.Generated GENERATED =
            new DevelopmentKeys(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom()).generateWithAuthority();
    static final SigningKeys KEYS = GENERATED.keys();

    @Test
    void generateWhenCalledThenLeafIsSignedByDevelopmentCaAndNotSelfSigned() throws Exception {
        for (var key : new SigningKey[] {KEYS.credential(), KEYS.access()}) {
            var leaf = key.chain().get(0);
            // SDVC-2: x5c holds only the leaf, the CA is the trust anchor and is left out
            assertThat(key.chain()).hasSize(1);
            assertThat(key.jwk().getX509CertChain()).hasSize(1);
            assertThat(leaf.getIssuerX500Principal().getName()).isEqualTo(DevelopmentKeys.CA_SUBJECT);
            assertThat(SigningKeyAssembler.isSelfSigned(leaf)).isFalse();
            leaf.verify(GENERATED.authority().getPublicKey(), Es256.PROVIDER); // throws when not signed by the CA
        }
    }

    @Test
    void generateWhenCalledThenAuthorityIsSelfSignedCa() {
        assertThat(SigningKeyAssembler.isSelfSigned(GENERATED.authority())).isTrue();
        assertThat(GENERATED.authority().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void generateWhenCalledThenLeavesCarryDevelopmentSubjects() {
        assertThat(subject(KEYS.credential())).isEqualTo("CN=Development Issuer Signing");
        assertThat(subject(KEYS.access())).isEqualTo("CN=Development Issuer Access");
    }

    @Test
    void generateWhenCalledThenValidFromOneHourBeforeToThirtyDaysAfter() {
        var leaf = KEYS.credential().chain().get(0);
        assertThat(leaf.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void generateWhenCalledThenLeafHasEndEntityExtensions() {
        X509Certificate leaf = KEYS.access().chain().get(0);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(leaf.getKeyUsage()[5]).as("keyCertSign").isFalse();
        assertThat(leaf.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
        assertThat(leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
    }

    @Test
    void generateWhenCalledThenKeysSignEs256VerifiableWithTheirCertificate() throws Exception {
        var jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("hello"));
        jws.sign(Es256.signer(KEYS.credential().jwk()));
        var leafKey = (ECPublicKey) KEYS.credential().chain().get(0).getPublicKey();
        assertThat(jws.verify(Es256.verifier(leafKey))).isTrue();
        assertThat(KEYS.credential().jwk().getKeyID()).isNotEqualTo(KEYS.access().jwk().getKeyID());
    }

    private static String subject(SigningKey key) {
        return key.chain().get(0).getSubjectX500Principal().getName();
    }
}
