package io.github.vciconnector.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import io.github.vciconnector.jose.Es256;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Certificates of any profile for chain-validation tests, built with BouncyCastle: a CA or not, with or without
 * pathLen, keyUsage, name constraints and subject alternative names, signed with any algorithm. Defaults are a
 * P-256 end-entity certificate (CA:FALSE, digitalSignature) valid from an hour ago for a day, signed SHA256withECDSA.
 */
public final class TestChains {

    private static final AtomicLong SERIAL = new AtomicLong(50_000);

    private TestChains() {
    }

    /** A certificate for the distinguished name {@code subject}, e.g. {@code "CN=Leaf, O=Wallets"}. */
    public static Builder certificate(String subject) {
        return new Builder(subject);
    }

    /** A self-signed CA (keyCertSign), optionally limited by {@code pathLen}. */
    public static TestPki.Issued anchor(String subject, Integer pathLen) {
        return certificate(subject).ca(pathLen).selfSigned();
    }

    /** The {@code x5c} header value (standard base64 DER, in the order given). */
    public static List<String> x5c(X509Certificate... certificates) {
        return Arrays.stream(certificates).map(c -> {
            try {
                return java.util.Base64.getEncoder().encodeToString(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The certified key pair as a private JWK, to sign an attestation with. */
    public static ECKey signingKey(TestPki.Issued issued) {
        return new ECKey.Builder(Curve.P_256, (ECPublicKey) issued.keys().getPublic())
                .privateKey((ECPrivateKey) issued.keys().getPrivate()).build();
    }

    /** Builds one certificate; every setter returns the builder. */
    public static final class Builder {
        private final X500Name subject;
        private final KeyPair keys = TestCertificates.p256();
        private Boolean ca = false;
        private Integer pathLen;
        private Integer keyUsage = KeyUsage.digitalSignature;
        private GeneralName permittedSubtree;
        private GeneralName alternativeName;
        private String signatureAlgorithm = "SHA256withECDSA";

        private Builder(String subject) {
            this.subject = new X500Name(subject);
        }

        /** basicConstraints cA TRUE with keyCertSign and cRLSign; {@code pathLen} null means unlimited. */
        public Builder ca(Integer pathLen) {
            this.ca = true;
            this.pathLen = pathLen;
            this.keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
            return this;
        }

        /** basicConstraints cA TRUE but keyUsage kept as set: a "CA" leaf. */
        public Builder caFlag() {
            this.ca = true;
            return this;
        }

        /** The keyUsage bits ({@link KeyUsage} constants), or null for no keyUsage extension. */
        public Builder keyUsage(Integer bits) {
            this.keyUsage = bits;
            return this;
        }

        /** A nameConstraints extension permitting only this subtree. */
        public Builder permitted(GeneralName subtree) {
            this.permittedSubtree = subtree;
            return this;
        }

        public Builder alternativeName(GeneralName name) {
            this.alternativeName = name;
            return this;
        }

        /** The JCA name of the algorithm the issuer signs with, e.g. {@code SHA1withECDSA}. */
        public Builder signedWith(String algorithm) {
            this.signatureAlgorithm = algorithm;
            return this;
        }

        public TestPki.Issued issuedBy(TestPki.Issued issuer) {
            return new TestPki.Issued(build(X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                    issuer.keys()), keys);
        }

        public TestPki.Issued selfSigned() {
            return new TestPki.Issued(build(subject, keys), keys);
        }

        private X509Certificate build(X500Name issuer, KeyPair signer) {
            try {
                Instant now = Instant.now();
                var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic())
                        .addExtension(Extension.basicConstraints, true,
                                ca && pathLen != null ? new BasicConstraints(pathLen) : new BasicConstraints(ca));
                if (keyUsage != null) builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                if (permittedSubtree != null) {
                    builder.addExtension(Extension.nameConstraints, true,
                            new NameConstraints(new GeneralSubtree[]{new GeneralSubtree(permittedSubtree)}, null));
                }
                if (alternativeName != null) {
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeName));
                }
                var contentSigner = new JcaContentSignerBuilder(signatureAlgorithm).setProvider(Es256.PROVIDER).build(signer.getPrivate());
                return new JcaX509CertificateConverter().setProvider(Es256.PROVIDER).getCertificate(builder.build(contentSigner));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
