package io.github.vciconnector.jose;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The time checks of RFC 7519 §4.1.4–4.1.6 with a clock skew allowance: a time "in the future" is one beyond now
 * plus the skew, so that a signer whose clock runs slightly ahead is not refused; an {@code exp} is never stretched
 * (at or before now is expired). Absent values pass; each verifier decides which claims are required.
 */
public record JwtTimes(Instant now, Duration allowedClockSkew) {

    /** True when {@code time} (an {@code iat} or {@code nbf}) lies beyond now plus the allowed skew. */
    public boolean isInFuture(Instant time) {
        return time != null && time.isAfter(now.plus(allowedClockSkew));
    }

    public boolean isInFuture(Date time) {
        return time != null && isInFuture(time.toInstant());
    }

    /** True when {@code exp} is at or before now. */
    public boolean hasExpired(Date exp) {
        return exp != null && !exp.toInstant().isAfter(now);
    }

    /** True when {@code iat} lies more than {@code maxAge} before now. */
    public boolean isOlderThan(Instant iat, Duration maxAge) {
        return iat != null && iat.isBefore(now.minus(maxAge));
    }

    public boolean isOlderThan(Date iat, Duration maxAge) {
        return iat != null && isOlderThan(iat.toInstant(), maxAge);
    }
}
