package io.github.vciconnector.keys;

import io.github.vciconnector.jose.Es256;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/** Real P-256 certificates built with BouncyCastle, and PEM files for them. */
final class TestCertificates {

    static final Instant NOW = Instant.now();
    private static final AtomicLong SERIAL = new AtomicLong(1);

    private TestCertificates() {
    }

    /** A certificate with the key pair it certifies. */
    record Issued(X509Certificate certificate, KeyPair keys) {
    }

    static KeyPair keyPair(String curve) {
        try {
            var generator = KeyPairGenerator.getInstance("EC", Es256.PROVIDER);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair p256() {
        return keyPair("secp256r1");
    }

    static Issued root(String cn) {
        var keys = p256();
        return new Issued(build(cn, keys, cn, keys, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), true),
                keys);
    }

    static Issued intermediate(String cn, Issued issuer) {
        var keys = p256();
        return new Issued(issue(cn, keys, issuer, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), true),
                keys);
    }

    static Issued leaf(String cn, Issued issuer) {
        return leaf(cn, p256(), issuer, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    }

    static Issued leaf(String cn, KeyPair keys, Issued issuer, Instant notBefore, Instant notAfter) {
        return new Issued(issue(cn, keys, issuer, notBefore, notAfter, false), keys);
    }

    static X509Certificate issue(String cn, KeyPair subject, Issued issuer, Instant notBefore, Instant notAfter,
                                 boolean ca) {
        var issuerCn = issuer.certificate().getSubjectX500Principal().getName().substring(3);
        return build(cn, subject, issuerCn, issuer.keys(), notBefore, notAfter, ca);
    }

    /** Any combination, including a wrong signer for the issuer name. */
    static X509Certificate build(String cn, KeyPair subject, String issuerCn, KeyPair signer, Instant notBefore,
                                 Instant notAfter, boolean ca) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    new X500Name("CN=" + cn), subject.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            var contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Es256.PROVIDER)
                    .build(signer.getPrivate());
            return new JcaX509CertificateConverter().setProvider(Es256.PROVIDER)
                    .getCertificate(builder.build(contentSigner));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes certificates (or any PEM-encodable objects) in order. */
    static Path pem(Path dir, String name, Object... objects) {
        try (var out = new StringWriter(); var writer = new JcaPEMWriter(out)) {
            for (Object object : objects) writer.writeObject(object);
            writer.flush();
            return Files.writeString(dir.resolve(name), out.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 "PRIVATE KEY". */
    static Path pkcs8(Path dir, String name, PrivateKey key) {
        try {
            return pem(dir, name, new JcaPKCS8Generator(key, null).generate());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SEC1 "EC PRIVATE KEY", as BouncyCastle writes a bare EC private key. */
    static Path sec1(Path dir, String name, PrivateKey key) {
        return pem(dir, name, key);
    }
}
