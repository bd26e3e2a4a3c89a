package io.github.vciconnector.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONArrayUtils;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built SD-JWT VCs for tests: Nimbus signs, Disclosures are written by hand (RFC 9901 §4.2). */
final class TestSdJwts {

    static final ECKey ISSUER_KEY = WalletClient.generateKey();
    static final X509Certificate ISSUER_CERTIFICATE = certificate(ISSUER_KEY, "CN=Test Issuer");

    private TestSdJwts() {
    }

    /** An object-property Disclosure {@code [salt, name, value]}, base64url-encoded. */
    static String disclosure(String name, Object value) {
        return encode(List.of(DPoPProofs.randomJti(), name, value));
    }

    /** An array-element Disclosure {@code [salt, value]}. */
    static String arrayDisclosure(Object value) {
        return encode(List.of(DPoPProofs.randomJti(), value));
    }

    static String digest(String disclosure) {
        return Disclosures.digest(disclosure);
    }

    /**
     * A dc+sd-jwt with {@code given_name} and {@code family_name} selectively disclosable, a nested
     * {@code address.locality} Disclosure and a {@code nationalities} array element; {@code cnf.jwk} = holder.
     */
    static String personCredential(ECKey holder) {
        String given = disclosure("given_name", "Erika");
        String family = disclosure("family_name", "Mustermann");
        String locality = disclosure("locality", "Berlin");
        String nationality = arrayDisclosure("DE");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("vct", "urn:eudi:pid:1");
        payload.put("iss", "https://issuer.example.com");
        payload.put("_sd", List.of(digest(family), digest(given), digest(DPoPProofs.randomJti())));
        payload.put("address", Map.of("country", "DE", "_sd", List.of(digest(locality))));
        payload.put("nationalities", List.of(Map.of("...", digest(nationality)), "FR"));
        payload.put("cnf", Map.of("jwk", holder.toPublicJWK().toJSONObject()));
        payload.put("_sd_alg", "sha-256");
        return sign(payload, ISSUER_KEY, ISSUER_CERTIFICATE) + "~" + given + "~" + family + "~" + locality + "~"
                + nationality + "~";
    }

    static String sign(Map<String, Object> payload, ECKey key, X509Certificate certificate) {
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(new JOSEObjectType(SdJwtView.TYPE))
                    .x509CertChain(List.of(Base64.encode(certificate.getEncoded())))
                    .build();
            JWSObject jws = new JWSObject(header, new Payload(payload));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(ECKey key, String subject) {
        try {
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(new X500Name(subject), BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)),
                    new X500Name(subject), key.toECPublicKey());
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(WalletEs256.PROVIDER)
                    .build(key.toECPrivateKey());
            return new JcaX509CertificateConverter().setProvider(WalletEs256.PROVIDER).getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test certificate", e);
        }
    }

    private static String encode(List<Object> array) {
        return Base64URL.encode(JSONArrayUtils.toJSONString(new ArrayList<>(array))).toString();
    }
}
