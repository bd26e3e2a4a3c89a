package io.github.vciconnector.oauth.dpop;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Instant;

/** The claims of a DPoP proof (RFC 9449 §4.2), read once and checked for presence and type. */
record DPoPProofClaims(String jti, String htm, String htu, Instant iat, String nonce, String ath) {

    static final int MAX_JTI_LENGTH = 256;

    /** RFC 9449 §4.3 item 3: all required claims are present with the right types. */
    static DPoPProofClaims from(SignedJWT jwt) {
        JWTClaimsSet claims;
        try {
            // Nimbus checks the registered claims' types here (jti string, iat number)
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw DPoPProofVerifier.invalid("DPoP proof claims malformed", e);
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) throw DPoPProofVerifier.invalid("DPoP proof missing jti");
        if (jti.length() > MAX_JTI_LENGTH) throw DPoPProofVerifier.invalid("DPoP proof jti too long");
        String htm = string(claims, "htm");
        if (htm == null) throw DPoPProofVerifier.invalid("DPoP proof missing htm");
        String htu = string(claims, "htu");
        if (htu == null) throw DPoPProofVerifier.invalid("DPoP proof missing htu");
        if (claims.getIssueTime() == null) throw DPoPProofVerifier.invalid("DPoP proof missing iat");
        return new DPoPProofClaims(jti, htm, htu, claims.getIssueTime().toInstant(),
                string(claims, "nonce"), string(claims, "ath"));
    }

    private static String string(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw DPoPProofVerifier.invalid("DPoP proof " + name + " must be a string", e);
        }
    }
}
