package io.github.vciconnector.demo;

import com.nimbusds.jose.jwk.ECKey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plain {@code jwt} key proofs (OID4VCI 1.0 App. F.1): one {@code openid4vci-proof+jwt} per holder key, with the
 * public key in the {@code jwk} header and claims {@code aud}, {@code iat}, {@code nonce} and {@code iss}.
 */
public final class JwtKeyProofs implements KeyProofProvider {

    public static final String TYPE = "openid4vci-proof+jwt";

    private final String clientId;
    private final Clock clock;

    /** @param clientId the {@code iss} claim, or null to omit it (anonymous pre-authorized access) */
    public JwtKeyProofs(String clientId, Clock clock) {
        this.clientId = clientId;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Map<String, Object> proofs(List<ECKey> holderKeys, String cNonce, String audience) {
        Instant now = clock.instant();
        List<String> jwts = holderKeys.stream()
                .map(key -> builder(key, audience, cNonce, clientId, now).build())
                .toList();
        return Map.of("jwt", jwts);
    }

    /** A pre-filled builder for one key proof; {@code nonce} and {@code issuer} may be null (claim omitted). */
    public static SignedJwtBuilder builder(ECKey holderKey, String audience, String nonce, String issuer,
                                           Instant issuedAt) {
        return new SignedJwtBuilder(holderKey)
                .header("typ", TYPE)
                .header("jwk", holderKey.toPublicJWK().toJSONObject())
                .claim("iss", issuer)
                .claim("aud", audience)
                .claim("iat", issuedAt.getEpochSecond())
                .claim("nonce", nonce);
    }
}
