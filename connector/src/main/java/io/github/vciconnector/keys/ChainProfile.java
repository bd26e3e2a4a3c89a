package io.github.vciconnector.keys;

import io.github.vciconnector.keys.X509ChainValidator.InvalidChainException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * The checks on an attestation {@code x5c} that PKIX alone does not make (issue 17, L-3 and L-4): the order RFC 7515
 * §4.1.6 prescribes, an end-entity leaf fit for signing (RFC 5280 §4.2.1.3, §4.2.1.9), SHA-256 or stronger
 * signatures, and the trust anchor's own pathLen, which RFC 5280 §6.1 leaves out of path processing.
 */
final class ChainProfile {

    static final String WRONG_ORDER = "x5c must list the leaf first, each certificate followed by its issuer";

    /** ECDSA and RSA PKCS#1 v1.5 with SHA-256, -384, -512; RSASSA-PSS is allowed with those hashes. */
    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS = Set.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384, X9ObjectIdentifiers.ecdsa_with_SHA512,
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption);
    private static final Set<ASN1ObjectIdentifier> PSS_HASHES = Set.of(NISTObjectIdentifiers.id_sha256,
            NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    private ChainProfile() {
    }

    /**
     * RFC 7515 §4.1.6: "each subsequent certificate being the one used to certify the previous one". Checked on the
     * names here; PKIX then verifies each signature along exactly this order (the caller makes sure the provider
     * did not re-sort the path), so the key that signs the JWT, {@code x5c[0]}, is the one the chain vouches for.
     */
    static void requireIssuerOrder(List<X509Certificate> chain) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!chain.get(i).getIssuerX500Principal().equals(chain.get(i + 1).getSubjectX500Principal())) {
                throw new InvalidChainException(WRONG_ORDER);
            }
        }
    }

    /** The leaf signs JWTs: it must not be a CA, and a keyUsage, when present, must allow digitalSignature. */
    static void requireSigningLeaf(X509Certificate leaf) {
        if (leaf.getBasicConstraints() != -1) throw new InvalidChainException("x5c leaf certificate must not be a CA");
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && (keyUsage.length == 0 || !keyUsage[0])) {
            throw new InvalidChainException("x5c leaf certificate keyUsage lacks digitalSignature");
        }
    }

    /** No SHA-1, no MD5, no unknown algorithm anywhere in the chain (the anchor's self-signature does not matter). */
    static void requireAllowedSignatures(List<X509Certificate> chain) {
        for (X509Certificate certificate : chain) {
            if (!allowedSignature(certificate)) throw new InvalidChainException("x5c certificate signature algorithm is not allowed");
        }
    }

    /**
     * The anchor's basicConstraints pathLen counts the intermediates below it that are not self-issued
     * (RFC 5280 §4.2.1.9). PKIX starts its own count at the path length and ignores the anchor's, so it is checked here.
     */
    static void requireAnchorPathLength(X509Certificate anchor, List<X509Certificate> chain) {
        int pathLen = anchor.getBasicConstraints();
        if (pathLen < 0 || pathLen == Integer.MAX_VALUE) return;
        int intermediates = 0;
        for (X509Certificate certificate : chain.subList(1, chain.size())) {
            if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) intermediates++;
        }
        if (intermediates > pathLen) {
            throw new InvalidChainException("x5c has more intermediate CAs than the trust anchor's pathLen allows");
        }
    }

    /**
     * The anchor's nameConstraints extension as {@link java.security.cert.TrustAnchor} wants it (the bare
     * NameConstraints DER), or null. A TrustAnchor made from a certificate alone does not apply the certificate's
     * constraints; given explicitly, PKIX applies them to every certificate below the anchor.
     */
    static byte[] nameConstraints(X509Certificate anchor) {
        byte[] extension = anchor.getExtensionValue(Extension.nameConstraints.getId());
        return extension == null ? null : ASN1OctetString.getInstance(extension).getOctets();
    }

    private static boolean allowedSignature(X509Certificate certificate) {
        var algorithm = new ASN1ObjectIdentifier(certificate.getSigAlgOID());
        if (SIGNATURE_ALGORITHMS.contains(algorithm)) return true;
        if (!PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm) || certificate.getSigAlgParams() == null) return false;
        try {
            return PSS_HASHES.contains(RSASSAPSSparams.getInstance(certificate.getSigAlgParams()).getHashAlgorithm().getAlgorithm());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
