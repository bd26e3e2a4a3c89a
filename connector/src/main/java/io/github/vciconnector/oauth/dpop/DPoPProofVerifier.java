package io.github.vciconnector.oauth.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.vciconnector.jose.CompactJws;
import io.github.vciconnector.jose.JwkThumbprint;
import io.github.vciconnector.jose.JwtTimes;
import io.github.vciconnector.jose.Sha256;
import io.github.vciconnector.keys.Digests;
import io.github.vciconnector.session.SingleUseChecker;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies DPoP proofs (RFC 9449 §4.3) at the token endpoint and at protected resources, enforces server nonces
 * and rejects replayed proofs across replicas through the {@link SingleUseChecker}. The caller still checks that
 * {@link DPoPProof#jkt()} is the key its access token is bound to, e.g. with {@link #requireBoundTo}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-4.3">RFC 9449 §4.3 Checking DPoP Proofs</a>
 */
public final class DPoPProofVerifier {

    static final int MAX_PROOF_LENGTH = 8 * 1024;
    private static final String PRIVATE_JWK = "DPoP jwk must not contain a private key";

    private final SingleUseChecker store;
    private final DPoPNonces nonces;
    private final Clock clock;
    private final boolean nonceRequired;
    private final Duration proofMaxAge;
    private final Duration allowedClockSkew;
    private final Duration replayWindow;
    private final Set<JWSAlgorithm> algorithms;
    // Expected URIs come from configuration (a handful of endpoints), so this cache stays tiny
    private final Map<URI, String> normalizedTargets = new ConcurrentHashMap<>();

    public DPoPProofVerifier(SingleUseChecker store, DPoPNonces nonces, Clock clock, DPoPProperties properties) {
        this.store = store;
        this.nonces = nonces;
        this.clock = clock;
        this.nonceRequired = properties.nonceRequired();
        this.proofMaxAge = properties.proofMaxAge();
        this.allowedClockSkew = properties.allowedClockSkew();
        // A proof dated at the edge of the future skew stays acceptable for proofMaxAge after that
        this.replayWindow = proofMaxAge.plus(allowedClockSkew);
        this.algorithms = properties.jwsAlgorithms();
    }

    /**
     * Checks the request's DPoP proof and, when it is accepted, records its {@code jti} so it is accepted only once:
     * {@link #check} and then {@link #consume}. Callers that can refuse the request for other reasons with reads
     * only call the two themselves, so that a refused request writes nothing (M-2).
     *
     * @throws DPoPProofException {@code use_dpop_nonce} when a fresh server nonce is needed, else {@code invalid_dpop_proof}
     */
    public DPoPProof verify(List<String> dpopHeaderValues, String httpMethod, URI expectedHtu, String accessToken) {
        DPoPProof proof = check(dpopHeaderValues, httpMethod, expectedHtu, accessToken);
        consume(proof);
        return proof;
    }

    /**
     * Every check of RFC 9449 §4.3 except replay: reads only, writes nothing to the store.
     *
     * @param dpopHeaderValues every {@code DPoP} header value of the request
     * @param expectedHtu      the endpoint URI built from the configured public base URL, never from the request
     * @param accessToken      the presented access token, or null at the token endpoint
     * @throws DPoPProofException {@code use_dpop_nonce} when a fresh server nonce is needed, else {@code invalid_dpop_proof}
     */
    public DPoPProof check(List<String> dpopHeaderValues, String httpMethod, URI expectedHtu, String accessToken) {
        CompactJws jws = parse(dpopHeaderValues);                          // items 1-2
        DPoPProofClaims claims = DPoPProofClaims.from(jws.jwt());          // item 3 (jti at most 256 characters)
        ECKey key = requireHeader(jws);                                    // items 4, 5, 7
        if (!jws.isSignedBy(key)) throw invalid("DPoP proof signature invalid"); // item 6
        // Item 8: HTTP method names are case-sensitive (RFC 9110 §9.1)
        if (!claims.htm().equals(httpMethod)) throw invalid("DPoP htm does not match the request method");
        requireTarget(claims.htu(), expectedHtu);                          // item 9
        requireNonce(claims.nonce());                                      // item 10
        var times = new JwtTimes(clock.instant(), allowedClockSkew);        // item 11
        if (times.isOlderThan(claims.iat(), proofMaxAge)) throw invalid("DPoP proof iat too old");
        if (times.isInFuture(claims.iat())) throw invalid("DPoP proof iat in the future");
        if (accessToken != null) requireAth(claims.ath(), accessToken);    // item 12
        String jkt = thumbprint(key);
        return new DPoPProof(key, jkt, Digests.replayKey(jkt, claims.jti()));
    }

    /**
     * RFC 9449 §11.1: accepts the proof's {@code jti} once per key within the proof lifetime; atomic across replicas.
     * Call it last, once the request has passed every check that needs no write, so that neither a proof refused
     * for another reason burns its jti nor a request that proves nothing leaves an entry in the store.
     *
     * @throws DPoPProofException {@code invalid_dpop_proof} when the proof was seen before
     */
    public void consume(DPoPProof proof) {
        if (!store.markUsed(SingleUseChecker.Kind.DPOP_JTI, proof.replayKey(), replayWindow)) throw invalid("DPoP proof replayed");
    }

    /** RFC 9449 §4.3 item 12: the proof key must be the key the access token is bound to ({@code cnf.jkt}). */
    public static void requireBoundTo(DPoPProof proof, String expectedJkt) {
        if (expectedJkt == null || !MessageDigest.isEqual(ascii(proof.jkt()), ascii(expectedJkt)))
            throw invalid("DPoP key does not match the access token");
    }

    static DPoPProofException invalid(String description) {
        return new DPoPProofException(DPoPError.INVALID_DPOP_PROOF, description);
    }

    static DPoPProofException invalid(String description, Throwable cause) {
        return new DPoPProofException(DPoPError.INVALID_DPOP_PROOF, description, cause);
    }

    private static CompactJws parse(List<String> values) {
        if (values == null || values.isEmpty()) throw invalid("missing DPoP proof");
        if (values.size() > 1) throw invalid("more than one DPoP proof");
        String proof = values.get(0);
        if (proof == null || proof.isBlank()) throw invalid("missing DPoP proof");
        if (proof.length() > MAX_PROOF_LENGTH) throw invalid("DPoP proof too large");
        try {
            return CompactJws.parse(proof);
        } catch (ParseException e) {
            // Nimbus itself refuses a private jwk while parsing; say so instead of a generic message
            throw invalid(hasPrivateJwk(proof) ? PRIVATE_JWK : "DPoP proof is not a signed JWT", e);
        }
    }

    /** Looks at the raw header JSON only on the failure path, so valid proofs are parsed once. */
    private static boolean hasPrivateJwk(String proof) {
        int dot = proof.indexOf('.');
        if (dot < 0) return false;
        try {
            var header = JSONObjectUtils.parse(new Base64URL(proof.substring(0, dot)).decodeToString());
            var jwk = header == null ? null : JSONObjectUtils.getJSONObject(header, "jwk"); // a header of JSON null
            // "d" is the private part of EC, RSA and OKP keys; "k" is a symmetric (oct) key
            return jwk != null && (jwk.containsKey("d") || jwk.containsKey("k"));
        } catch (ParseException e) {
            return false;
        }
    }

    private ECKey requireHeader(CompactJws jws) {
        // RFC 7515 §4.1.9: media types compare case-insensitively, and "application/" may be present
        if (!jws.hasMediaType("dpop+jwt")) throw invalid("DPoP proof typ must be dpop+jwt");
        JWSHeader header = jws.header();
        if (!algorithms.contains(header.getAlgorithm())) throw invalid("DPoP proof alg not allowed");
        var jwk = header.getJWK();
        if (jwk == null) throw invalid("DPoP proof missing jwk");
        if (jwk.isPrivate()) throw invalid(PRIVATE_JWK);
        if (!(jwk instanceof ECKey ecKey)) throw invalid("DPoP jwk must be an EC public key");
        if (!Curve.forJWSAlgorithm(header.getAlgorithm()).contains(ecKey.getCurve()))
            throw invalid("DPoP jwk curve does not match alg");
        return ecKey;
    }

    private void requireTarget(String htu, URI expectedHtu) {
        String expected = normalizedTargets.computeIfAbsent(expectedHtu, uri -> {
            String normalized = DPoPTargetUri.normalize(uri);
            if (normalized == null) throw new IllegalArgumentException("expected htu must be an absolute URI");
            return normalized;
        });
        if (!expected.equals(DPoPTargetUri.normalize(htu))) throw invalid("DPoP htu does not match the request URI");
    }

    private void requireNonce(String nonce) {
        if (nonce == null) {
            if (nonceRequired) throw new DPoPProofException(DPoPError.USE_DPOP_NONCE, "DPoP nonce required");
            return;
        }
        // A stale nonce is answered with use_dpop_nonce so the wallet retries with the fresh one (RFC 9449 §8)
        if (!nonces.isValid(nonce))
            throw new DPoPProofException(DPoPError.USE_DPOP_NONCE, "DPoP nonce invalid or expired");
    }

    private static void requireAth(String ath, String accessToken) {
        if (ath == null) throw invalid("DPoP proof missing ath");
        // RFC 9449 §4.2: ath = base64url(SHA-256(ASCII(access token)))
        String expected = Base64URL.encode(Sha256.digest(ascii(accessToken))).toString();
        if (!MessageDigest.isEqual(ascii(ath), ascii(expected))) throw invalid("DPoP ath does not match the access token");
    }

    private static String thumbprint(ECKey key) {
        try {
            return JwkThumbprint.of(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute JWK thumbprint", e);
        }
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
