package io.github.vciconnector.keys;

import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;

/**
 * Parses a compact signed JWT for every verifier (DPoP, wallet attestation and its PoP, key proof, key attestation).
 * Nimbus reports most malformed input as a {@link ParseException}, but a header or payload that decodes to JSON
 * {@code null} or to a JSON value of the wrong shape escapes as an unchecked exception; here every failure is a
 * {@code ParseException}, which each verifier turns into its own protocol error.
 */
public final class CompactJwts {

    private CompactJwts() {
    }

    public static SignedJWT parse(String compact) throws ParseException {
        if (compact == null) throw new ParseException("no JWT", 0);
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            if (jwt.getHeader() == null) throw new ParseException("JWT header is not a JSON object", 0);
            return jwt;
        } catch (RuntimeException e) {
            // NullPointerException for a header of "null", ClassCastException and friends for odd member types
            throw new ParseException("JWT is malformed", 0);
        }
    }
}
