package io.github.vciconnector.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64;
import io.github.vciconnector.jose.Es256;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static io.github.vciconnector.keys.InvalidKeyConfigurationException.forSetting;
import static io.github.vciconnector.keys.InvalidKeyConfigurationException.printable;

/**
 * Checks a private key against its certificate chain and turns both into a {@link SigningKey}: P-256 key, key
 * matching the leaf, every certificate valid now and each certificate signed by the next (HAIP SDVC-2). The
 * resulting x5c is the chain without a trailing self-signed trust anchor. A self-signed leaf (the product guide's
 * {@code openssl req -x509}) is accepted when it is the only certificate, and is then the whole x5c; HAIP forbids it,
 * so {@link SelfSignedCertificates} warns about it at startup.
 */
final class SigningKeyAssembler {

    private SigningKeyAssembler() {
    }

    /**
     * @param certProperty property naming the certificate file, used in messages
     * @param keyProperty  property naming the key file, used in messages
     * @throws InvalidKeyConfigurationException when any check fails
     */
    static SigningKey assemble(List<X509Certificate> chain, PrivateKey privateKey, Instant now,
                               String certProperty, String keyProperty) {
        var ecPrivate = requireP256(privateKey, keyProperty);
        var leaf = chain.get(0);
        if (!(leaf.getPublicKey() instanceof ECPublicKey) || !isP256(((ECPublicKey) leaf.getPublicKey()).getParams()))
            throw forSetting(certProperty, "the leaf certificate " + subject(leaf) + " does not hold an EC P-256 key");
        var leafKey = (ECPublicKey) leaf.getPublicKey();
        if (!matches(ecPrivate, leafKey))
            throw forSetting(keyProperty, "the private key does not match the leaf certificate " + subject(leaf)
                    + " in " + CertificatesProperties.describe(certProperty));
        for (var certificate : chain) requireValidAt(certificate, now, certProperty);
        if (isSelfSigned(leaf) && chain.size() > 1)
            throw forSetting(certProperty, "the leaf certificate " + subject(leaf) + " is self-signed but followed by "
                    + "other certificates; list a CA-issued leaf first, then its issuers (or keep the self-signed one alone)");
        requireOrdered(chain, certProperty);
        var x5c = withoutTrustAnchor(chain);
        return new SigningKey(jwk(leafKey, ecPrivate, x5c), x5c);
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && isSignedBy(certificate, certificate.getPublicKey());
    }

    private static ECPrivateKey requireP256(PrivateKey key, String keyProperty) {
        if (!(key instanceof ECPrivateKey))
            throw forSetting(keyProperty, "the private key is a " + printable(key.getAlgorithm())
                    + " key, expected EC P-256");
        var params = ((ECPrivateKey) key).getParams();
        if (!isP256(params)) {
            var curve = params == null ? null : Curve.forECParameterSpec(params);
            throw forSetting(keyProperty, "the private key is on curve " + (curve == null ? "unknown" : curve.getName())
                    + ", expected P-256");
        }
        return (ECPrivateKey) key;
    }

    private static boolean isP256(ECParameterSpec params) {
        return params != null && Curve.P_256.equals(Curve.forECParameterSpec(params));
    }

    /** Signs with the private key and verifies with the certificate's key: true only for a matching pair. */
    private static boolean matches(ECPrivateKey privateKey, ECPublicKey publicKey) {
        try {
            var probe = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("key-match-probe"));
            probe.sign(Es256.signer(new ECKey.Builder(Curve.P_256, publicKey).privateKey(privateKey).build()));
            return probe.verify(Es256.verifier(publicKey));
        } catch (JOSEException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void requireValidAt(X509Certificate certificate, Instant now, String certProperty) {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw forSetting(certProperty, "certificate " + subject(certificate) + " has expired, " + period(certificate));
        } catch (CertificateNotYetValidException e) {
            throw forSetting(certProperty, "certificate " + subject(certificate) + " is not yet valid, "
                    + period(certificate));
        }
    }

    /** Each certificate must be issued and signed by the next one in the file. */
    private static void requireOrdered(List<X509Certificate> chain, String certProperty) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            var certificate = chain.get(i);
            var issuer = chain.get(i + 1);
            if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                    || !isSignedBy(certificate, issuer.getPublicKey()))
                throw forSetting(certProperty, "certificate " + subject(certificate) + " at position " + (i + 1)
                        + " is not signed by the next certificate " + subject(issuer)
                        + "; list the leaf first, then each issuer in order");
        }
    }

    private static boolean isSignedBy(X509Certificate certificate, PublicKey issuerKey) {
        try {
            certificate.verify(issuerKey, Es256.PROVIDER);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** HAIP SDVC-2: the trust anchor is not included in x5c; a lone self-signed leaf is kept, there is nothing else. */
    private static List<X509Certificate> withoutTrustAnchor(List<X509Certificate> chain) {
        var last = chain.get(chain.size() - 1);
        if (chain.size() > 1 && isSelfSigned(last)) return List.copyOf(chain.subList(0, chain.size() - 1));
        return List.copyOf(chain);
    }

    private static ECKey jwk(ECPublicKey publicKey, ECPrivateKey privateKey, List<X509Certificate> x5c) {
        try {
            var encoded = new ArrayList<Base64>();
            for (var certificate : x5c) encoded.add(Base64.encode(certificate.getEncoded()));
            return new ECKey.Builder(Curve.P_256, publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .x509CertChain(encoded)
                    .keyIDFromThumbprint() // RFC 7638, SHA-256, base64url
                    .build();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new InvalidKeyConfigurationException("cannot encode the issuer key as a JWK", e);
        }
    }

    static String subject(X509Certificate certificate) {
        return printable(certificate.getSubjectX500Principal().getName());
    }

    private static String period(X509Certificate certificate) {
        return "valid from " + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant();
    }
}
