package io.github.vciconnector.sdjwt;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64;
import io.github.vciconnector.jose.Es256;
import io.github.vciconnector.keys.SigningKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Real P-256 issuer keys for tests: a CA and a leaf it signed; the SigningKey carries x5c = [leaf] (SDVC-2). */
final class TestSigningKeys {

    private static final SigningKey ISSUER = create(Curve.P_256);

    private TestSigningKeys() {
    }

    /** One cached issuer key, generated once per test JVM because key and certificate generation is slow. */
    static SigningKey issuer() {
        return ISSUER;
    }

    /** A fresh issuer key whose leaf is on another curve, for refusal tests. */
    static SigningKey issuerOn(Curve leafCurve) {
        return create(leafCurve);
    }

    /** A fresh holder key pair; tests pass {@code toPublicJWK()} as cnf key. */
    static ECKey holder() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("holder").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SigningKey create(Curve leafCurve) {
        try {
            KeyPair ca = new ECKeyGenerator(Curve.P_256).generate().toKeyPair();
            KeyPair leaf = new ECKeyGenerator(leafCurve).generate().toKeyPair();
            X500Name caName = new X500Name("CN=Test Issuer CA");
            X509Certificate caCert = certificate(caName, caName, ca, ca.getPrivate(), true);
            X509Certificate leafCert = certificate(caName, new X500Name("CN=Test Issuer"), leaf, ca.getPrivate(), false);
            leafCert.verify(caCert.getPublicKey(), Es256.PROVIDER);
            ECKey jwk = new ECKey.Builder(leafCurve, (ECPublicKey) leaf.getPublic())
                    .privateKey(leaf.getPrivate())
                    .keyID("issuer-key-1")
                    .x509CertChain(List.of(Base64.encode(leafCert.getEncoded())))
                    .build();
            return new SigningKey(jwk, List.of(leafCert));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair subjectKeys,
                                               PrivateKey issuerKey, boolean ca) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Es256.PROVIDER).build(issuerKey);
        return new JcaX509CertificateConverter().setProvider(Es256.PROVIDER).getCertificate(builder.build(signer));
    }
}
