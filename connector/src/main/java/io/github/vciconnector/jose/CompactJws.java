package io.github.vciconnector.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.interfaces.ECPublicKey;
import java.text.ParseException;

/**
 * A compact signed JWT (RFC 7515 §7.1, RFC 7519) as every verifier reads it (DPoP, wallet attestation and its PoP,
 * key proof, key attestation): parsed once, with the header checks they share and the ES256 signature check on
 * {@link Es256}. Nimbus reports most malformed input as a {@link ParseException}, but a header or payload that
 * decodes to JSON {@code null} or to a JSON value of the wrong shape escapes as an unchecked exception; here every
 * failure is a {@code ParseException} or {@code false}, which each verifier turns into its own protocol error.
 */
public final class CompactJws {

    private static final String APPLICATION = "application/";

    private final SignedJWT jwt;

    private CompactJws(SignedJWT jwt) {
        this.jwt = jwt;
    }

    public static CompactJws parse(String compact) throws ParseException {
        if (compact == null) throw new ParseException("no JWT", 0);
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            if (jwt.getHeader() == null) throw new ParseException("JWT header is not a JSON object", 0);
            return new CompactJws(jwt);
        } catch (RuntimeException e) {
            // NullPointerException for a header of "null", ClassCastException and friends for odd member types
            throw new ParseException("JWT is malformed", 0);
        }
    }

    public SignedJWT jwt() {
        return jwt;
    }

    public JWSHeader header() {
        return jwt.getHeader();
    }

    /**
     * {@code typ} is {@code type}, as the profiles that name a full type require: Nimbus compares the value
     * case-insensitively, and an "application/" prefix does not match.
     */
    public boolean hasType(JOSEObjectType type) {
        return type.equals(header().getType());
    }

    /**
     * {@code typ} names the media type {@code application/<subtype>}: RFC 7515 §4.1.9 compares media types
     * case-insensitively and lets the "application/" prefix be left out.
     */
    public boolean hasMediaType(String subtype) {
        JOSEObjectType type = header().getType();
        if (type == null) return false;
        String value = type.getType();
        return value.equalsIgnoreCase(subtype) || value.equalsIgnoreCase(APPLICATION + subtype);
    }

    public boolean hasAlgorithm(JWSAlgorithm algorithm) {
        return algorithm.equals(header().getAlgorithm());
    }

    /** The ES256 signature verifies with {@code key}; false as well when the key is not usable for it. */
    public boolean isSignedBy(ECKey key) {
        try {
            return jwt.verify(Es256.verifier(key));
        } catch (JOSEException e) {
            return false;
        }
    }

    /** The ES256 signature verifies with {@code key} (a certificate's); false as well when the key is not usable. */
    public boolean isSignedBy(ECPublicKey key) {
        try {
            return jwt.verify(Es256.verifier(key));
        } catch (JOSEException e) {
            return false;
        }
    }

    /** The claims set; a payload that is not a JSON object of claims is a {@link ParseException}. */
    public JWTClaimsSet claims() throws ParseException {
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (claims == null) throw new ParseException("JWT claims are not a JSON object", 0);
            return claims;
        } catch (RuntimeException e) {
            throw new ParseException("JWT claims are malformed", 0);
        }
    }
}
