package io.github.vciconnector.keys;

import io.github.vciconnector.jose.Es256;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
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
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test PKI for wallet providers and TLS: P-256 CAs with {@code keyCertSign}, leaves (optionally for localhost),
 * and PEM files, built with BouncyCastle. Public so that tests of other packages can share it.
 */
public final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestPki() {
    }

    /** A certificate with the key pair it certifies. */
    public record Issued(X509Certificate certificate, KeyPair keys) {
    }

    /** A self-signed CA valid from yesterday for 30 days. */
    public static Issued ca(String cn) {
        KeyPair keys = TestCertificates.p256();
        return new Issued(build(cn, keys.getPublic(), cn, keys, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), true, false), keys);
    }

    /** A leaf issued by {@code ca}, valid in the given window. */
    public static Issued leaf(String cn, Issued ca, Instant notBefore, Instant notAfter) {
        KeyPair keys = TestCertificates.p256();
        return new Issued(build(cn, keys.getPublic(), name(ca), ca.keys(), notBefore, notAfter, false, false), keys);
    }

    /** A TLS server certificate for localhost and 127.0.0.1. */
    public static Issued localhostServer(Issued ca) {
        KeyPair keys = TestCertificates.p256();
        return new Issued(build("localhost", keys.getPublic(), name(ca), ca.keys(), Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), false, true), keys);
    }

    /** Writes certificates or keys as PEM (private keys as PKCS#8). */
    public static Path pem(Path dir, String name, Object... objects) {
        try (var out = new StringWriter(); var writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object instanceof java.security.PrivateKey key ? new JcaPKCS8Generator(key, null).generate() : object);
            }
            writer.flush();
            return Files.writeString(dir.resolve(name), out.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Issued ca) {
        return ca.certificate().getSubjectX500Principal().getName().substring(3);
    }

    private static X509Certificate build(String cn, java.security.PublicKey subject, String issuerCn, KeyPair signer,
                                         Instant notBefore, Instant notAfter, boolean ca, boolean localhost) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn), BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + cn), subject)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            if (localhost) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                        new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
            var contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Es256.PROVIDER).build(signer.getPrivate());
            return new JcaX509CertificateConverter().setProvider(Es256.PROVIDER).getCertificate(builder.build(contentSigner));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
