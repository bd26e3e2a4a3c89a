package io.github.vciconnector.sdjwt;

import com.nimbusds.jose.jwk.JWK;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What to put into one SD-JWT VC: type, subject claims, the holder's public key for {@code cnf.jwk} and the validity
 * window. Claims are validated and deep-copied here; reserved names (SDVC-4) and non-JSON values are refused.
 *
 * @param issuer Credential Issuer Identifier for {@code iss}, or {@code null} to rely on {@code x5c} only (SDVC-6)
 * @param status Token Status List reference, written in plaintext as {@code status}, or {@code null} (SDVC-8)
 */
public record SdJwtVcRequest(String vct, String issuer, Map<String, Object> claims, JWK holderKey,
                             DisclosurePolicy policy, Instant issuedAt, Duration validity, Map<String, Object> status) {

    public SdJwtVcRequest {
        if (vct == null || vct.isBlank()) throw new IllegalArgumentException("vct must not be blank");
        if (issuer != null && issuer.isBlank()) throw new IllegalArgumentException("issuer must not be blank");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(holderKey, "holderKey");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validity, "validity");
        // HAIP 6.1: cnf.jwk carries the holder's public key only; a private or symmetric key here is a caller bug
        if (holderKey.isPrivate()) throw new IllegalArgumentException("holder key must be a public key");
        if (validity.isNegative() || validity.isZero()) throw new IllegalArgumentException("validity must be positive");
        claims = ClaimValues.copyOfClaims(claims);
        if (status != null) {
            // HAIP 6.1: a status claim must reference a Token Status List
            if (!status.containsKey("status_list")) throw new IllegalArgumentException("status must contain status_list");
            status = ClaimValues.copyOfObject(status, 0);
        }
    }

    /** Omits claim values and keys: they are personal data and must not reach logs. */
    @Override
    public String toString() {
        return "SdJwtVcRequest[vct=" + vct + ", issuer=" + issuer + ", claims=" + claims.size() + " names"
                + ", issuedAt=" + issuedAt + ", validity=" + validity + ", status=" + (status != null) + "]";
    }
}
