package io.github.vciconnector.demo;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.X509CertChainUtils;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A verified view of an issued SD-JWT VC (RFC 9901, SD-JWT VC): the issuer signature is checked with the leaf of
 * {@code x5c} (trust in the chain is not evaluated), every Disclosure must match a digest in the payload, and the
 * claims are returned with all Disclosures applied.
 */
public final class SdJwtView {

    public static final String TYPE = "dc+sd-jwt";

    private final Map<String, Object> header;
    private final Map<String, Object> payload;
    private final List<X509Certificate> chain;
    private final List<Disclosure> disclosures;
    private final Map<String, Object> claims;

    private SdJwtView(Map<String, Object> header, Map<String, Object> payload, List<X509Certificate> chain,
                      List<Disclosure> disclosures, Map<String, Object> claims) {
        this.header = header;
        this.payload = payload;
        this.chain = chain;
        this.disclosures = disclosures;
        this.claims = claims;
    }

    /**
     * Splits, verifies and decodes a compact SD-JWT as issued ({@code <jwt>~<disclosure>~...~}, no key binding
     * JWT). Throws {@link WalletException} on any defect: signature, typ, x5c, unmatched or repeated Disclosure.
     */
    public static SdJwtView verify(String sdJwt) {
        String[] parts = sdJwt.split("~", -1);
        if (parts.length < 2 || !parts[parts.length - 1].isEmpty()) {
            throw new WalletException("SD-JWT must end with a tilde and carry no key binding JWT");
        }
        JWSObject jws = parseJws(parts[0]);
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
            throw new WalletException("SD-JWT alg is not ES256");
        }
        if (jws.getHeader().getType() == null || !TYPE.equals(jws.getHeader().getType().getType())) {
            throw new WalletException("SD-JWT typ is not " + TYPE);
        }
        List<X509Certificate> chain = certificateChain(jws);
        if (!(chain.get(0).getPublicKey() instanceof ECPublicKey issuerKey)) {
            throw new WalletException("x5c leaf does not hold an EC key");
        }
        // RFC 7515 §4.1.11: the wallet understands no critical header parameter
        if (jws.getHeader().getCriticalParams() != null
                || !WalletEs256.verify(issuerKey, jws.getSigningInput(), jws.getSignature().decode())) {
            throw new WalletException("SD-JWT issuer signature is invalid");
        }
        Map<String, Object> payload = jws.getPayload().toJSONObject();
        if (payload == null) {
            throw new WalletException("SD-JWT payload is not a JSON object");
        }
        Object sdAlg = payload.get("_sd_alg");
        if (sdAlg != null && !"sha-256".equals(sdAlg)) {
            throw new WalletException("unsupported _sd_alg");
        }
        Disclosures disclosures = Disclosures.decode(Arrays.asList(parts).subList(1, parts.length - 1));
        Map<String, Object> claims = disclosures.apply(payload);
        return new SdJwtView(Json.copy(jws.getHeader().toJSONObject()), Json.copy(payload), chain,
                disclosures.all(), Json.copy(claims));
    }

    /** The JOSE header of the issuer-signed JWT. */
    public Map<String, Object> header() {
        return header;
    }

    /** The signed payload as issued: digests, no disclosed values. */
    public Map<String, Object> payload() {
        return payload;
    }

    /** The payload with every Disclosure applied and {@code _sd}, {@code _sd_alg} and array digests removed. */
    public Map<String, Object> claims() {
        return claims;
    }

    /** Object-property Disclosures as name to value, in Disclosure order (array elements are only in claims()). */
    public Map<String, Object> disclosedClaims() {
        Map<String, Object> disclosed = new LinkedHashMap<>();
        disclosures.stream().filter(d -> d.name() != null).forEach(d -> disclosed.put(d.name(), d.value()));
        return disclosed;
    }

    public List<Disclosure> disclosures() {
        return disclosures;
    }

    /** The {@code x5c} chain, leaf first. */
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /** The holder key bound by {@code cnf.jwk} (SDVC-5), or null when the credential is not key-bound. */
    public ECKey cnfJwk() {
        Map<String, Object> cnf = Json.object(payload, "cnf", false);
        Map<String, Object> jwk = cnf == null ? null : Json.object(cnf, "jwk", false);
        if (jwk == null) {
            return null;
        }
        try {
            return ECKey.parse(jwk);
        } catch (ParseException e) {
            throw new WalletException("cnf.jwk is not an EC JWK", e);
        }
    }

    private static JWSObject parseJws(String compact) {
        try {
            return JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new WalletException("issuer-signed part is not a JWS", e);
        }
    }

    private static List<X509Certificate> certificateChain(JWSObject jws) {
        if (jws.getHeader().getX509CertChain() == null || jws.getHeader().getX509CertChain().isEmpty()) {
            throw new WalletException("SD-JWT header has no x5c");
        }
        try {
            return List.copyOf(X509CertChainUtils.parse(jws.getHeader().getX509CertChain()));
        } catch (ParseException e) {
            throw new WalletException("x5c is not a certificate chain", e);
        }
    }
}
