package io.github.vciconnector.keys;

import com.nimbusds.jose.util.Base64;
import io.github.vciconnector.jose.Es256;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates an {@code x5c} chain (leaf first) against configured trust anchors with PKIX (RFC 5280), the way HAIP
 * §4.4.1 / §4.5.1 wants it for wallet and key attestations: the leaf is not self-signed and the anchor itself is
 * not needed in {@code x5c}. A trailing copy of a configured anchor is tolerated and ignored. Beyond PKIX, the chain
 * must be in RFC 7515 order and fit {@link ChainProfile} (signing leaf, SHA-256+, the anchor's pathLen and name
 * constraints). Revocation is not
 * checked (attestations are short-lived; status lists are future work). Thread-safe; the anchors may be replaced
 * while it serves ({@link #replaceAnchors}, by {@link TrustAnchorFiles}), each request seeing one whole set. A chain that passed is kept, so
 * the next attestation signed with it costs no parsing and no PKIX run (docs/performance.md), only the time check.
 */
public final class X509ChainValidator {

    /** Longest accepted x5c: leaf, a few intermediates, maybe a redundant anchor. */
    public static final int MAX_CHAIN_LENGTH = 5;
    /** A wallet provider signs with a handful of certificates; the bound only caps memory. */
    static final int MAX_VALIDATED_CHAINS = 1024;
    private static final String NOT_TRUSTED = "x5c does not chain to a trusted anchor or a certificate is not valid now";

    private final boolean leafOnly;
    /** The anchors by where they came from (PEM files, a trusted list); guarded by {@code this}. */
    private final Map<String, List<X509Certificate>> sources = new LinkedHashMap<>();
    /** Replaced whole when a source changes, so a request sees one consistent set and never waits for a reload. */
    private volatile Anchors current = Anchors.of(List.of());

    public X509ChainValidator(List<X509Certificate> anchors) {
        this(false);
        replaceAnchors(FILES, anchors);
    }

    private X509ChainValidator(boolean leafOnly) {
        this.leafOnly = leafOnly;
    }

    /** The source name of the anchors read from a trust-anchor setting's PEM files and directories. */
    public static final String FILES = "files";

    /**
     * Puts {@code anchors} in force for {@code source}, next to the other sources' anchors. Chains validated so far are
     * forgotten, so an anchor removed here refuses the very next attestation under it.
     */
    public synchronized void replaceAnchors(String source, List<X509Certificate> anchors) {
        sources.put(source, List.copyOf(anchors));
        current = Anchors.of(sources.values().stream().flatMap(List::stream).toList());
    }

    /**
     * Reads the anchors from PEM files and directories once, at startup.
     *
     * @param setting e.g. {@code CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS}, named in every refusal message
     * @throws IllegalArgumentException when a file is missing, unreadable, holds no certificate or an expired one
     */
    public static X509ChainValidator fromPemFiles(String setting, List<Path> files, Instant now) {
        return new X509ChainValidator(TrustAnchorFiles.read(setting, files, now));
    }

    public boolean isEmpty() {
        return current.anchors().isEmpty();
    }

    /** The anchors in force now, of every source. */
    public List<X509Certificate> anchors() {
        return current.anchors();
    }

    /**
     * Parses and validates {@code x5c} at {@code at}.
     *
     * @return the validated leaf certificate, whose key signs the JWT that carried the chain
     * @throws InvalidChainException with a short ASCII reason fit for an error_description
     */
    public X509Certificate validate(List<Base64> x5c, Instant at) {
        Anchors anchors = current;
        if (anchors.anchors().isEmpty() && !leafOnly) throw new InvalidChainException("no trust anchor is configured");
        if (x5c == null || x5c.isEmpty()) throw new InvalidChainException("x5c is missing");
        if (x5c.size() > MAX_CHAIN_LENGTH) throw new InvalidChainException("x5c is too long");
        String text = x5c.stream().map(Base64::toString).collect(Collectors.joining(","));
        ValidatedChain known = anchors.validated().get(text);
        if (known != null) {
            // Every check answers the same for the same bytes and anchors; only the validity periods depend on the time.
            if (!known.validAt(at)) throw new InvalidChainException(NOT_TRUSTED);
            return known.leaf();
        }
        var chain = parse(x5c);
        // HAIP: the trust anchor is left out; a wallet that still sends it gains nothing, so it is dropped, not refused.
        if (anchors.encodings().contains(encoded(chain.get(chain.size() - 1)))) chain.remove(chain.size() - 1);
        if (chain.isEmpty()) throw new InvalidChainException("x5c holds only a trust anchor");
        X509Certificate leaf = chain.get(0);
        if (leafOnly) return requireValidAt(leaf, at);
        if (leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            throw new InvalidChainException("x5c leaf certificate is self-signed");
        }
        for (X509Certificate certificate : chain) {
            if (anchors.encodings().contains(encoded(certificate))) throw new InvalidChainException("x5c holds a trust anchor before its end");
        }
        ChainProfile.requireIssuerOrder(chain);
        ChainProfile.requireSigningLeaf(leaf);
        ChainProfile.requireAllowedSignatures(chain);
        ChainProfile.requireAnchorPathLength(pkix(anchors.trustAnchors(), chain, at), chain);
        // Only a chain that passed every check is kept; the key is the x5c text, so another order is another entry.
        Map<String, ValidatedChain> validated = anchors.validated();
        if (validated.size() >= MAX_VALIDATED_CHAINS) validated.clear();
        validated.put(text, ValidatedChain.of(chain));
        return leaf;
    }

    /**
     * The validator for a trust-anchor setting: its PEM files and directories, kept current by {@code refresher}, or,
     * when the setting is empty (allowed only where the HAIP check is relaxed), the leaf-only development mode,
     * announced once in the log.
     *
     * @param what what the anchors vouch for, e.g. "wallet attestations", for the log line
     */
    public static X509ChainValidator forSetting(String setting, List<Path> files, String what, java.time.Clock clock,
                                                TrustAnchorRefresher refresher) {
        if (!files.isEmpty()) return refresher.watch(new TrustAnchorFiles(setting, files, clock)).validator();
        return forSetting(setting, files, what, clock.instant());
    }

    /** As {@link #forSetting(String, List, String, java.time.Clock, TrustAnchorRefresher)}, read once and never again. */
    public static X509ChainValidator forSetting(String setting, List<Path> files, String what, Instant now) {
        if (!files.isEmpty()) return fromPemFiles(setting, files, now);
        LoggerFactory.getLogger(X509ChainValidator.class).warn("HAIP relaxation: {} is not set, so {} that wallets send are "
                + "checked for signature and certificate validity only, not for a trusted issuer (ABCA-10 development mode)",
                setting, what);
        return leafOnly();
    }

    /**
     * ABCA-10 development mode, for relaxed HAIP checks with no anchors configured: the leaf's key still verifies
     * the JWT and the leaf must be valid now, but whose CA issued it is not checked. Never used when HAIP is required.
     */
    static X509ChainValidator leafOnly() {
        return new X509ChainValidator(true);
    }

    public boolean isLeafOnly() {
        return leafOnly;
    }

    /** RFC 5280 path validation of exactly {@code chain}, in its order; returns the anchor it ends at. */
    private static X509Certificate pkix(Set<TrustAnchor> trustAnchors, List<X509Certificate> chain, Instant at) {
        try {
            var parameters = new PKIXParameters(trustAnchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            var path = CertificateFactory.getInstance("X.509", Es256.PROVIDER).generateCertPath(chain);
            // L-3: BouncyCastle sorts the certificates of a CertPath; the path validated must be the x5c as sent.
            if (!path.getCertificates().equals(chain)) throw new InvalidChainException(ChainProfile.WRONG_ORDER);
            var result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX", Es256.PROVIDER).validate(path, parameters);
            return result.getTrustAnchor().getTrustedCert();
        } catch (CertPathValidatorException e) {
            throw new InvalidChainException(NOT_TRUSTED);
        } catch (GeneralSecurityException e) {
            throw new InvalidChainException("x5c cannot be validated");
        }
    }

    private static X509Certificate requireValidAt(X509Certificate leaf, Instant at) {
        try {
            leaf.checkValidity(Date.from(at));
            return leaf;
        } catch (GeneralSecurityException e) {
            throw new InvalidChainException("x5c leaf certificate is not valid now");
        }
    }

    private static List<X509Certificate> parse(List<Base64> x5c) {
        try {
            var factory = CertificateFactory.getInstance("X.509", Es256.PROVIDER);
            var chain = new ArrayList<X509Certificate>(x5c.size());
            for (Base64 der : x5c) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der.decode())));
            }
            return chain;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidChainException("x5c holds an unreadable certificate");
        }
    }

    private static String encoded(X509Certificate certificate) {
        try {
            return java.util.Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    /** One set of anchors in force, with the chains validated under exactly this set. */
    private record Anchors(List<X509Certificate> anchors, Set<TrustAnchor> trustAnchors, Set<String> encodings,
                           Map<String, ValidatedChain> validated) {
        static Anchors of(List<X509Certificate> certificates) {
            var unique = new LinkedHashMap<String, X509Certificate>();
            for (X509Certificate anchor : certificates) unique.putIfAbsent(encoded(anchor), anchor);
            var trustAnchors = new HashSet<TrustAnchor>();
            for (X509Certificate anchor : unique.values()) trustAnchors.add(new TrustAnchor(anchor, ChainProfile.nameConstraints(anchor)));
            return new Anchors(List.copyOf(unique.values()), Set.copyOf(trustAnchors), Set.copyOf(unique.keySet()), new ConcurrentHashMap<>());
        }
    }

    /** A chain that passed PKIX, with the period in which all its certificates are valid (RFC 5280 §4.1.2.5). */
    private record ValidatedChain(X509Certificate leaf, Date notBefore, Date notAfter) {
        static ValidatedChain of(List<X509Certificate> chain) {
            Date notBefore = chain.get(0).getNotBefore();
            Date notAfter = chain.get(0).getNotAfter();
            for (X509Certificate certificate : chain) {
                if (certificate.getNotBefore().after(notBefore)) notBefore = certificate.getNotBefore();
                if (certificate.getNotAfter().before(notAfter)) notAfter = certificate.getNotAfter();
            }
            return new ValidatedChain(chain.get(0), notBefore, notAfter);
        }

        /** As {@link X509Certificate#checkValidity(Date)} for each certificate, at the millisecond PKIX is given. */
        boolean validAt(Instant at) {
            Date date = Date.from(at);
            return !date.before(notBefore) && !date.after(notAfter);
        }
    }

    /** The chain is not acceptable; the message is short ASCII and names no certificate content. */
    public static final class InvalidChainException extends RuntimeException {
        public InvalidChainException(String message) {
            super(message);
        }
    }
}
