package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.TestSessions;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON form of sessions in Redis must give back exactly what was written: types, nanoseconds, nesting. */
class SessionJsonTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456789Z");
    private static final SessionJson JSON = new SessionJson(new ClaimsCipher(ServerSecrets.random(new SecureRandom()), new SecureRandom()));

    @Test
    void readWhenWrittenThenEqualIncludingClaimTypesAndNanoseconds() {
        var session = TestSessions.offer(NOW, Duration.ofMinutes(10)).tokenIssued("jkt", NOW.plusNanos(1), NOW.plusSeconds(900));
        var read = JSON.read(JSON.write(session));
        assertThat(read).isEqualTo(session);
        assertThat(read.claims().get("serial")).isInstanceOf(Long.class);
        assertThat(read.claims().get("age_in_years")).isInstanceOf(Integer.class);
        assertThat(read.claims()).containsEntry("nickname", null);
        assertThat(read.history()).containsEntry(OfferStatus.TOKEN_ISSUED, NOW.plusNanos(1));
        assertThat(read.callbacks()).hasSize(1).isEqualTo(session.callbacks());
    }

    @Test
    void readWhenSessionEndedThenClaimsStayDeleted() {
        var session = TestSessions.offer(NOW, Duration.ofMinutes(10)).ended(OfferStatus.EXPIRED, null, NOW.plusSeconds(600));
        IssuanceSession read = JSON.read(JSON.write(session));
        assertThat(read).isEqualTo(session);
        assertThat(read.claims()).isNull();
        assertThat(read.txCode()).isEqualTo(session.txCode());
    }

    @Test
    void readWhenFieldUnknownThenIgnoredForRollingUpgrades() {
        var session = TestSessions.offer(NOW, Duration.ofMinutes(10));
        String json = JSON.write(session).replaceFirst("\\{", "{\"addedLater\":1,");
        assertThat(JSON.read(json)).isEqualTo(session);
    }

    @Test
    void readWhenCorruptThenErrorWithoutContent() {
        assertThatThrownBy(() -> JSON.read("{\"offerId\":\"secret-claim\""))
                .isInstanceOf(IllegalStateException.class).hasMessage("stored session is not readable");
    }
}
