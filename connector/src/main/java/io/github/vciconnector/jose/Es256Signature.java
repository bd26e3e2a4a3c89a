package io.github.vciconnector.jose;

import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The JWS form of an ECDSA P-256 signature, RFC 7518 §3.4: R and S as 32-byte unsigned big-endian integers,
 * concatenated. Parsing is strict: exactly 64 bytes, and 1 <= r, s < n (a zero r or s, the "psychic signature"
 * CVE-2022-21449, or one at or above the group order never reaches the curve arithmetic). Low S is not required.
 */
record Es256Signature(BigInteger r, BigInteger s) {

    static final int LENGTH = 64;
    private static final int HALF = LENGTH / 2;

    /** Null when {@code rs} is not a legal ES256 signature. */
    static Es256Signature parse(byte[] rs) {
        if (rs == null || rs.length != LENGTH) return null;
        var r = new BigInteger(1, Arrays.copyOfRange(rs, 0, HALF));
        var s = new BigInteger(1, Arrays.copyOfRange(rs, HALF, LENGTH));
        return inRange(r) && inRange(s) ? new Es256Signature(r, s) : null;
    }

    byte[] toBytes() {
        byte[] rs = new byte[LENGTH];
        BigIntegers.asUnsignedByteArray(r, rs, 0, HALF);
        BigIntegers.asUnsignedByteArray(s, rs, HALF, HALF);
        return rs;
    }

    private static boolean inRange(BigInteger value) {
        return value.signum() > 0 && value.compareTo(Es256.DOMAIN.getN()) < 0;
    }
}
