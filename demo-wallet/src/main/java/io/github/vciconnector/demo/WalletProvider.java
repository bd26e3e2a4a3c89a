package io.github.vciconnector.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A development wallet provider, as the EUDI wallet backend is: from a wallet-provider CA (certificate and key) it
 * issues itself a signing certificate in memory and signs wallet attestations ({@code oauth-client-attestation+jwt},
 * draft-07 shape) and key attestations ({@code key-attestation+jwt}), both with {@code x5c} = [signing certificate].
 */
public final class WalletProvider {

    /** The {@code iss} of wallet attestations; any stable identifier of the provider. */
    public static final String ISSUER = "https://wallet-provider.demo.invalid";

    private final ECKey signingKey;
    private final List<String> x5c;
    private final Clock clock;

    /** Issues the signing certificate, in memory, from the wallet-provider CA {@code ca} and its private key {@code caKey}. */
    public WalletProvider(X509Certificate ca, PrivateKey caKey, Clock clock) {
        this.clock = clock;
        ECKey key = WalletClient.generateKey();
        try {
            X509Certificate leaf = issueLeaf(ca, caKey, key, clock.instant());
            this.signingKey = key;
            this.x5c = List.of(Base64.getEncoder().encodeToString(leaf.getEncoded()));
        } catch (GeneralSecurityException | IOException | JOSEException e) {
            throw new IllegalStateException("cannot issue the wallet provider signing certificate", e);
        }
    }

    /** Reads the CA certificate and its (PKCS#8 or SEC1, unencrypted) key, as written by certs/generate-dev-certs.sh. */
    public static WalletProvider fromPem(Path caCertificate, Path caKey, Clock clock) throws IOException, GeneralSecurityException {
        X509Certificate ca = null;
        PrivateKey key = null;
        for (Object object : readPem(caCertificate)) {
            if (object instanceof X509CertificateHolder holder && ca == null) {
                ca = new JcaX509CertificateConverter().setProvider(WalletEs256.PROVIDER).getCertificate(holder);
            }
        }
        var converter = new JcaPEMKeyConverter().setProvider(WalletEs256.PROVIDER);
        for (Object object : readPem(caKey)) {
            if (object instanceof PEMKeyPair pair) key = converter.getPrivateKey(pair.getPrivateKeyInfo());
            if (object instanceof PrivateKeyInfo info) key = converter.getPrivateKey(info);
        }
        if (ca == null) throw new GeneralSecurityException("no certificate in " + caCertificate);
        if (!(key instanceof ECPrivateKey)) throw new GeneralSecurityException("no EC private key in " + caKey);
        return new WalletProvider(ca, key, clock);
    }

    /**
     * A wallet attestation for a wallet instance (ABCA -07 §5.1, EUDI-9): {@code iss}, {@code sub} = client_id,
     * {@code iat}, {@code exp} (one hour), {@code cnf.jwk} = the instance's public key. Tests adjust the builder.
     */
    public SignedJwtBuilder walletAttestation(String clientId, ECKey instanceKey) {
        Instant now = clock.instant();
        return signed("oauth-client-attestation+jwt")
                .claim("iss", ISSUER)
                .claim("sub", clientId)
                .claim("iat", now.getEpochSecond())
                .claim("exp", now.plus(Duration.ofHours(1)).getEpochSecond())
                .claim("cnf", Map.of("jwk", instanceKey.toPublicJWK().toJSONObject()));
    }

    /**
     * A key attestation (OID4VCI 1.0 App. D): {@code iat}, {@code exp} (one hour), {@code attested_keys} = the public
     * holder keys in order, {@code key_storage} and {@code user_authentication} {@code iso_18045_high} (App. D.2, what
     * an EUDI wallet with a secure element asserts), and {@code nonce} = the c_nonce when given.
     */
    public SignedJwtBuilder keyAttestation(List<ECKey> holderKeys, String nonce) {
        Instant now = clock.instant();
        return signed("key-attestation+jwt")
                .claim("iat", now.getEpochSecond())
                .claim("exp", now.plus(Duration.ofHours(1)).getEpochSecond())
                .claim("attested_keys", holderKeys.stream().map(k -> k.toPublicJWK().toJSONObject()).toList())
                .claim("key_storage", List.of("iso_18045_high"))
                .claim("user_authentication", List.of("iso_18045_high"))
                .claim("nonce", nonce);
    }

    /** Attestation headers for one wallet instance: draft-07 shape ({@code iss} in the PoP) when {@code draft07}. */
    public WalletAttestations clientAttestation(String clientId, boolean draft07) {
        return new WalletAttestations(this, clientId, WalletClient.generateKey(), draft07, clock);
    }

    /** EUDI-5 key proofs: one {@code jwt} proof with {@code key_attestation} and {@code kid} "0". */
    public AttestedKeyProofs keyProofs(String clientId) {
        return new AttestedKeyProofs(this, clientId, false, clock);
    }

    public List<String> x5c() {
        return x5c;
    }

    private SignedJwtBuilder signed(String type) {
        return new SignedJwtBuilder(signingKey).header("typ", type).header("x5c", x5c);
    }

    private static X509Certificate issueLeaf(X509Certificate ca, PrivateKey caKey, ECKey key, Instant now)
            throws GeneralSecurityException, IOException, JOSEException {
        ECPublicKey publicKey = key.toECPublicKey();
        var builder = new JcaX509v3CertificateBuilder(ca, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name("CN=Demo Wallet Provider Attestation Signer"), publicKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        try {
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(WalletEs256.PROVIDER).build(caKey);
            return new JcaX509CertificateConverter().setProvider(WalletEs256.PROVIDER).getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with the wallet provider CA key", e);
        }
    }

    private static List<Object> readPem(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1); var parser = new PEMParser(reader)) {
            var objects = new ArrayList<Object>();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) objects.add(o);
            return objects;
        }
    }
}
