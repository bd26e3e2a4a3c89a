package io.github.vciconnector.keys;

import io.github.vciconnector.jose.Es256;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static io.github.vciconnector.keys.InvalidKeyConfigurationException.forSetting;
import static io.github.vciconnector.keys.InvalidKeyConfigurationException.printable;

/**
 * Loads an issuer key from two PEM files: the certificate chain (leaf first) and the leaf's EC P-256 private key,
 * PKCS#8 ({@code PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}). Refuses anything HAIP would reject (SDVC-2),
 * naming the setting to fix.
 */
public final class PemKeyPairLoader {

    private final Clock clock;
    private final JcaX509CertificateConverter certificates = new JcaX509CertificateConverter().setProvider(Es256.PROVIDER);
    private final JcaPEMKeyConverter keys = new JcaPEMKeyConverter().setProvider(Es256.PROVIDER);

    public PemKeyPairLoader(Clock clock) {
        this.clock = clock;
    }

    /**
     * Loads and checks one key pair.
     *
     * @param propertyPrefix e.g. {@link CertificatesProperties#SIGNING}; messages name its {@code cert-path} and
     *                       {@code key-path} settings
     * @throws InvalidKeyConfigurationException when a file is unusable or a check fails
     */
    public SigningKey load(String propertyPrefix, Path certPath, Path keyPath) {
        var certProperty = propertyPrefix + ".cert-path";
        var keyProperty = propertyPrefix + ".key-path";
        var chain = readCertificates(certPath, certProperty);
        var privateKey = readPrivateKey(keyPath, keyProperty);
        return SigningKeyAssembler.assemble(chain, privateKey, clock.instant(), certProperty, keyProperty);
    }

    private List<X509Certificate> readCertificates(Path file, String property) {
        var chain = new ArrayList<X509Certificate>();
        for (Object object : readPem(file, property)) {
            if (!(object instanceof X509CertificateHolder))
                throw forSetting(property, "file " + printable(file) + " holds a PEM block other than CERTIFICATE; "
                        + "keep the private key in its own file");
            try {
                chain.add(certificates.getCertificate((X509CertificateHolder) object));
            } catch (CertificateException e) {
                throw forSetting(property, "file " + printable(file) + " holds an unreadable certificate", e);
            }
        }
        if (chain.isEmpty()) throw forSetting(property, "file " + printable(file) + " holds no PEM CERTIFICATE");
        return chain;
    }

    private PrivateKey readPrivateKey(Path file, String property) {
        PrivateKeyInfo found = null;
        for (Object object : readPem(file, property)) {
            // openssl ecparam -genkey writes an EC PARAMETERS block before the key: harmless, skip it.
            if (object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters) continue;
            if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair)
                throw forSetting(property, "file " + printable(file) + " holds an encrypted private key; "
                        + "provide it unencrypted (PKCS#8 or SEC1) with restrictive file permissions");
            PrivateKeyInfo info = object instanceof PEMKeyPair ? ((PEMKeyPair) object).getPrivateKeyInfo()
                    : object instanceof PrivateKeyInfo ? (PrivateKeyInfo) object : null;
            if (info == null)
                throw forSetting(property, "file " + printable(file) + " holds a PEM block that is not a private key");
            if (found != null)
                throw forSetting(property, "file " + printable(file) + " holds more than one private key");
            found = info;
        }
        if (found == null) throw forSetting(property, "file " + printable(file) + " holds no PEM private key");
        try {
            return keys.getPrivateKey(found);
        } catch (IOException | RuntimeException e) {
            // The cause is dropped on purpose: parser messages may echo key bytes.
            throw forSetting(property, "file " + printable(file) + " holds an unreadable private key");
        }
    }

    private static List<Object> readPem(Path file, String property) {
        if (file == null) throw forSetting(property, "is not set");
        if (!Files.isRegularFile(file)) throw forSetting(property, "file " + printable(file) + " does not exist");
        if (!Files.isReadable(file)) throw forSetting(property, "file " + printable(file) + " is not readable");
        var objects = new ArrayList<Object>();
        // ISO-8859-1 never fails to decode, so a stray byte shows up as a PEM error instead of a charset one.
        try (var parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.ISO_8859_1))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) objects.add(object);
        } catch (IOException | RuntimeException e) {
            throw forSetting(property, "file " + printable(file) + " is not valid PEM");
        }
        if (objects.isEmpty()) throw forSetting(property, "file " + printable(file) + " is not a PEM file");
        return objects;
    }
}
