package io.github.vciconnector.keys;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.vciconnector.jose.CompactJws;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;

/**
 * A verified Status List Token (draft-ietf-oauth-status-list, JWT form; checklist P): {@code typ statuslist+jwt},
 * ES256, signed by a certificate that chains to the same anchors as the attestation referring to it, {@code sub} = the
 * URI it was fetched from, {@code status_list {bits, lst}} with {@code lst} the base64url of the zlib-compressed bits.
 * A small decoder of our own: the connector's status-list issuing is a separate feature.
 *
 * @param expiresAt when this copy must be fetched again: the earlier of {@code exp} and {@code iat + ttl}
 */
record StatusListToken(StatusList list, Instant expiresAt) {

    static final JOSEObjectType TYPE = new JOSEObjectType("statuslist+jwt");
    /** Bounds what one list may cost once inflated: 16 MiB holds 128 Mi one-bit entries. */
    static final int MAX_INFLATED_BYTES = 16 * 1024 * 1024;
    private static final Set<Integer> BITS = Set.of(1, 2, 4, 8);

    /**
     * @param defaultTtl how long a token without {@code ttl} and {@code exp} is used
     * @throws AttestationStatusException when any check fails
     */
    static StatusListToken verify(String compact, String uri, X509ChainValidator anchors, Instant now, java.time.Duration defaultTtl) {
        CompactJws jwt;
        JWTClaimsSet claims;
        try {
            jwt = CompactJws.parse(compact.trim());
            claims = jwt.claims();
        } catch (ParseException | RuntimeException e) {
            throw new AttestationStatusException("status list is not a signed JWT");
        }
        if (!jwt.hasType(TYPE)) throw new AttestationStatusException("status list typ must be statuslist+jwt");
        if (!jwt.hasAlgorithm(JWSAlgorithm.ES256)) throw new AttestationStatusException("status list alg must be ES256");
        X509Certificate signer;
        try {
            signer = anchors.validate(jwt.header().getX509CertChain(), now);
        } catch (X509ChainValidator.InvalidChainException e) {
            throw new AttestationStatusException("status list is not signed by a trusted issuer");
        }
        if (!(signer.getPublicKey() instanceof ECPublicKey key) || !jwt.isSignedBy(key)) {
            throw new AttestationStatusException("status list signature is invalid");
        }
        if (!uri.equals(claims.getSubject())) throw new AttestationStatusException("status list sub is not its uri");
        Date iat = claims.getIssueTime();
        if (iat == null) throw new AttestationStatusException("status list has no iat");
        Date exp = claims.getExpirationTime();
        if (exp != null && !exp.toInstant().isAfter(now)) throw new AttestationStatusException("status list has expired");
        Instant expiresAt = now.plus(defaultTtl);
        Object ttl = claims.getClaim("ttl");
        if (ttl instanceof Number && ((Number) ttl).longValue() > 0) expiresAt = iat.toInstant().plusSeconds(((Number) ttl).longValue());
        if (exp != null && exp.toInstant().isBefore(expiresAt)) expiresAt = exp.toInstant();
        if (!(claims.getClaim("status_list") instanceof Map<?, ?> list)) throw new AttestationStatusException("status list has no status_list");
        if (!(list.get("bits") instanceof Number bits) || !BITS.contains(bits.intValue())) {
            throw new AttestationStatusException("status list bits must be 1, 2, 4 or 8");
        }
        if (!(list.get("lst") instanceof String lst)) throw new AttestationStatusException("status list has no lst");
        try {
            return new StatusListToken(StatusList.fromLst(bits.intValue(), lst, MAX_INFLATED_BYTES), expiresAt);
        } catch (IllegalArgumentException e) {
            throw new AttestationStatusException("status list " + e.getMessage());
        }
    }

    /**
     * The status at {@code index}: 0x00 VALID, 0x01 INVALID, 0x02 SUSPENDED (Token Status List §7.1).
     *
     * @throws AttestationStatusException when the index lies outside the list
     */
    int status(long index) {
        if (index < 0 || index >= list.size()) throw new AttestationStatusException("status index is outside the status list");
        return list.get((int) index);
    }
}
