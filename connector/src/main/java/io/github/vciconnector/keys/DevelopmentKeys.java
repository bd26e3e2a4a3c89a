package io.github.vciconnector.keys;

import io.github.vciconnector.jose.Es256;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Throw-away issuer keys for the {@code dev} profile: a self-signed development root CA and two P-256 leaf
 * certificates it issues, one for credential signing and one for access. Nothing is written to disk; every start
 * produces new keys, so wallets must not be asked to trust them beyond a development session.
 */
public final class DevelopmentKeys {

    static final String SIGNING_SUBJECT = "CN=Development Issuer Signing";
    static final String ACCESS_SUBJECT = "CN=Development Issuer Access";
    static final String CA_SUBJECT = "CN=Development Issuer Root CA";

    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final Duration LIFETIME = Duration.ofDays(30);

    private final Clock clock;
    private final SecureRandom random;

    public DevelopmentKeys(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** Generates a fresh CA and both leaf keys; the CA's private key is discarded. */
    public SigningKeys generate() {
        return generateWithAuthority().keys();
    }

    /** Like {@link #generate()}, also returning the development CA certificate (the trust anchor, not in x5c). */
    public Generated generateWithAuthority() {
        var now = clock.instant();
        var caKeys = newKeyPair();
        var ca = certificate(new X500Name(CA_SUBJECT), caKeys.getPublic(), null, caKeys, now);
        var keys = new SigningKeys(leaf(SIGNING_SUBJECT, ca, caKeys, now), leaf(ACCESS_SUBJECT, ca, caKeys, now));
        return new Generated(keys, ca);
    }

    /** Generated keys and the self-signed development CA certificate that issued both leaves. */
    public record Generated(SigningKeys keys, X509Certificate authority) {
    }

    private SigningKey leaf(String subject, X509Certificate ca, KeyPair caKeys, Instant now) {
        var keys = newKeyPair();
        var certificate = certificate(new X500Name(subject), keys.getPublic(), ca, caKeys, now);
        // The same checks as configured keys; the CA is the trust anchor, so x5c = [leaf].
        return SigningKeyAssembler.assemble(List.of(certificate, ca), keys.getPrivate(), now,
                "development.keys.certificate", "development.keys.private-key");
    }

    /** Issues a certificate; {@code issuer == null} makes a self-signed CA certificate. */
    private X509Certificate certificate(X500Name subject, PublicKey subjectKey, X509Certificate issuer,
                                        KeyPair issuerKeys, Instant now) {
        try {
            var ca = issuer == null;
            var issuerName = ca ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            var utils = new JcaX509ExtensionUtils();
            var builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(127, random).add(BigInteger.ONE),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(LIFETIME)), subject, subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(ca
                            ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Es256.PROVIDER)
                    .build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().setProvider(Es256.PROVIDER).getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a development certificate", e);
        }
    }

    private KeyPair newKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC", Es256.PROVIDER);
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a P-256 key pair", e);
        }
    }
}
