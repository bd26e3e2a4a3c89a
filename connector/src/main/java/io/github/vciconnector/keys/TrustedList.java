package io.github.vciconnector.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A verified List of Trusted Entities of wallet providers (ETSI TS 119 602, JSON binding): a JAdES compact JWS,
 * verified with Nimbus against the configured signer certificate, whose payload {@code LoTE} lists trusted entities
 * and their services. The certificates of the wallet-solution issuance services ({@link #WALLET_ISSUANCE}: what signs
 * wallet attestations) are the anchors.
 *
 * @param nextUpdate {@code ListAndSchemeInformation.NextUpdate}: the list is stale after it
 */
public record TrustedList(List<X509Certificate> anchors, Instant issued, Instant nextUpdate) {

    /** TS 119 602 Annex (EU wallet providers list): the service that issues wallet unit / instance attestations. */
    public static final String WALLET_ISSUANCE = "http://uri.etsi.org/19602/SvcType/WalletSolution/Issuance";
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    /** JAdES (ETSI TS 119 182-1) protected header parameters a baseline-B signature may mark critical. */
    private static final Set<String> JADES_CRITICAL = Set.of("sigT", "sigD", "x5t#o", "sigX5ts", "srCms", "sigPl", "srAts", "adoTst");

    public TrustedList {
        anchors = List.copyOf(anchors);
    }

    /**
     * @throws TrustedListException naming the failed check: not a JWS, wrong signer, no NextUpdate, expired, no
     *                              wallet-provider certificate
     */
    public static TrustedList verify(String compact, List<X509Certificate> signers, Instant now) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact.trim());
        } catch (ParseException e) {
            throw new TrustedListException("the list is not a compact JWS (JAdES)");
        }
        if (!ALGORITHMS.contains(jws.getHeader().getAlgorithm())) throw new TrustedListException("the list's signature algorithm is not allowed");
        if (jws.getHeader().getCustomParam("b64") != null) throw new TrustedListException("the list must not use an unencoded payload");
        if (signers.stream().noneMatch(signer -> verifiedBy(jws, signer, now))) {
            throw new TrustedListException("the list is not signed by " + TrustedListProperties.SIGNER_VARIABLE);
        }
        return parse(jws.getPayload().toString(), now);
    }

    private static boolean verifiedBy(JWSObject jws, X509Certificate signer, Instant now) {
        try {
            signer.checkValidity(java.util.Date.from(now));
            JWSVerifier verifier = signer.getPublicKey() instanceof ECPublicKey ec ? new ECDSAVerifier(ec, JADES_CRITICAL)
                    : signer.getPublicKey() instanceof RSAPublicKey rsa ? new RSASSAVerifier(rsa, JADES_CRITICAL) : null;
            return verifier != null && jws.verify(verifier);
        } catch (JOSEException | GeneralSecurityException | IllegalStateException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static TrustedList parse(String payload, Instant now) {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(payload);
        } catch (ParseException e) {
            throw new TrustedListException("the list payload is not JSON");
        }
        Object lote = json.containsKey("LoTE") ? json.get("LoTE") : json;
        if (!(lote instanceof Map<?, ?> list)) throw new TrustedListException("the list has no LoTE");
        if (!(list.get("ListAndSchemeInformation") instanceof Map<?, ?> scheme)) throw new TrustedListException("the list has no ListAndSchemeInformation");
        Instant nextUpdate = instant(scheme.get("NextUpdate"), "NextUpdate");
        Instant issued = instant(scheme.get("ListIssueDateTime"), "ListIssueDateTime");
        if (!nextUpdate.isAfter(now)) throw new TrustedListException("the list has expired (NextUpdate " + nextUpdate + ")");
        var anchors = new ArrayList<X509Certificate>();
        if (list.get("TrustedEntitiesList") instanceof List<?> entities) {
            for (Object entity : entities) {
                if (!(entity instanceof Map<?, ?> e) || !(e.get("TrustedEntityServices") instanceof List<?> services)) continue;
                for (Object service : services) addCertificates(service, anchors);
            }
        }
        if (anchors.isEmpty()) throw new TrustedListException("the list names no wallet-provider certificate");
        return new TrustedList(anchors, issued, nextUpdate);
    }

    private static void addCertificates(Object service, List<X509Certificate> anchors) {
        if (!(service instanceof Map<?, ?> s) || !(s.get("ServiceInformation") instanceof Map<?, ?> information)) return;
        if (!WALLET_ISSUANCE.equals(information.get("ServiceTypeIdentifier"))) return;
        if (!(information.get("ServiceDigitalIdentity") instanceof Map<?, ?> identity)) return;
        if (!(identity.get("X509Certificates") instanceof List<?> certificates)) return;
        for (Object certificate : certificates) {
            if (!(certificate instanceof Map<?, ?> c) || !(c.get("val") instanceof String der)) throw new TrustedListException("the list holds a malformed X509Certificates entry");
            try {
                anchors.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(new Base64(der).decode())));
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new TrustedListException("the list holds an unreadable certificate");
            }
        }
    }

    private static Instant instant(Object value, String name) {
        if (!(value instanceof String text)) throw new TrustedListException("the list has no " + name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new TrustedListException("the list's " + name + " is not a date-time");
        }
    }

    /** The list cannot be used; the message says why, for the log and the health details. */
    public static final class TrustedListException extends RuntimeException {
        public TrustedListException(String message) {
            super(message);
        }
    }
}
