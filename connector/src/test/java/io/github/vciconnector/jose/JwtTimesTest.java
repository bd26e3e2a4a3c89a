package io.github.vciconnector.jose;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 7519 §4.1.4–4.1.6 with a clock skew: the boundaries every verifier relies on. */
class JwtTimesTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final JwtTimes TIMES = new JwtTimes(NOW, Duration.ofSeconds(30));

    @Test
    void isInFutureWhenWithinTheSkewThenFalseAndBeyondThenTrue() {
        assertThat(TIMES.isInFuture(NOW.plusSeconds(30))).isFalse();
        assertThat(TIMES.isInFuture(NOW.plusSeconds(31))).isTrue();
        assertThat(TIMES.isInFuture(Date.from(NOW.plusSeconds(31)))).isTrue();
        assertThat(TIMES.isInFuture((Date) null)).isFalse();
    }

    @Test
    void hasExpiredWhenExpIsNowThenTrueAndTheSkewIsNotGranted() {
        assertThat(TIMES.hasExpired(Date.from(NOW))).isTrue();
        assertThat(TIMES.hasExpired(Date.from(NOW.minusSeconds(1)))).isTrue();
        assertThat(TIMES.hasExpired(Date.from(NOW.plusSeconds(1)))).isFalse();
        assertThat(TIMES.hasExpired(null)).isFalse();
    }

    @Test
    void isOlderThanWhenExactlyMaxAgeThenFalseAndOneSecondMoreThenTrue() {
        assertThat(TIMES.isOlderThan(NOW.minusSeconds(60), Duration.ofSeconds(60))).isFalse();
        assertThat(TIMES.isOlderThan(NOW.minusSeconds(61), Duration.ofSeconds(60))).isTrue();
        assertThat(TIMES.isOlderThan(Date.from(NOW.minusSeconds(61)), Duration.ofSeconds(60))).isTrue();
        assertThat(TIMES.isOlderThan((Date) null, Duration.ofSeconds(60))).isFalse();
    }
}
