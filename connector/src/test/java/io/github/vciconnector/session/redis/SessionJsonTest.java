package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.Callback;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.TestSessions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON form of sessions in Redis must give back exactly what was written: types, nanoseconds, nesting. */
class SessionJsonTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456789Z");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final SessionJson JSON = new SessionJson(new ClaimsCipher(ServerSecrets.random(new SecureRandom()), new SecureRandom()), java.time.Duration.ofHours(24));

    @Test
    void readWhenWrittenThenEqualIncludingClaimTypesAndNanoseconds() {
        var session = TestSessions.offer(NOW, Duration.ofMinutes(10)).tokenIssued("jkt", NOW.plusNanos(1), NOW.plusSeconds(900));
        var read = JSON.read(JSON.write(session));
        assertThat(read).isEqualTo(session);
        assertThat(read.claims().get("serial")).isInstanceOf(Long.class);
        assertThat(read.claims().get("age_in_years")).isInstanceOf(Integer.class);
        assertThat(read.claims()).containsEntry("nickname", null);
        assertThat(read.history()).containsEntry(OfferStatus.TOKEN_ISSUED, NOW.plusNanos(1));
        assertThat(read.outbox().events()).hasSize(1).isEqualTo(session.outbox().events());
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

    /** A session as the previous version wrote it, before the outbox was a value: two top-level members. */
    private static final String PREVIOUS_VERSION_JSON = """
            {"offerId":"o-1","version":3,"credentialConfigurationId":"IdentityCredential","preAuthorizedCodeHash":"code-o-1",\
            "txCode":null,"txCodeHash":null,"status":"EXPIRED","history":{"OFFER_CREATED":"2026-03-01T10:00:00.123456789Z",\
            "EXPIRED":"2026-03-01T10:10:00Z"},"expiresAt":"2026-03-01T10:10:00Z","dpopJkt":null,"credentialsIssued":0,\
            "failureReason":"expired","notificationId":null,"callbacks":[{"eventId":"e-1","status":"OFFER_CREATED",\
            "timestamp":"2026-03-01T10:00:00.123456789Z","errorDetails":null,"delivery":"DELIVERED","attempts":1,\
            "nextAttemptAt":null,"deadline":"2026-03-02T10:00:00.123456789Z","lastError":null}],"callbackMaxAge":"PT24H"}""";

    @Test
    void readWhenWrittenByThePreviousVersionThenOutboxFromTheTopLevelMembers() {
        IssuanceSession read = JSON.read(PREVIOUS_VERSION_JSON);
        assertThat(read.status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(read.outbox().maxAge()).isEqualTo(Duration.ofHours(24));
        assertThat(read.outbox().events()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo("e-1");
            assertThat(event.delivery()).isEqualTo(Callback.Delivery.DELIVERED);
        });
        assertThat(JSON.read(JSON.write(read))).isEqualTo(read);
    }

    /** Before the max age was stored with each session, a session without it was read with the setting's value. */
    @Test
    void readWhenStoredWithoutCallbackMaxAgeThenTheConfiguredOne() {
        var json = new SessionJson(new ClaimsCipher(ServerSecrets.random(new SecureRandom()), new SecureRandom()), Duration.ofHours(6));
        IssuanceSession read = json.read(PREVIOUS_VERSION_JSON.replace(",\"callbackMaxAge\":\"PT24H\"", ""));
        assertThat(read.outbox().maxAge()).isEqualTo(Duration.ofHours(6));
        assertThat(json.read(PREVIOUS_VERSION_JSON.replace("\"PT24H\"", "null")).outbox().maxAge()).isEqualTo(Duration.ofHours(6));
        assertThat(json.read(PREVIOUS_VERSION_JSON).outbox().maxAge()).as("a stored one wins").isEqualTo(Duration.ofHours(24));
        // Issue 12: a session of the version before status lists reads as one without entries
        assertThat(json.read(PREVIOUS_VERSION_JSON).statusReferences()).isEmpty();
    }

    @Test
    void writeWhenSessionHasOutboxThenMembersAsThePreviousVersionWroteThem() {
        var session = TestSessions.offer(NOW, Duration.ofMinutes(10));
        var members = new ArrayList<String>();
        MAPPER.readTree(JSON.write(session)).propertyNames().forEach(members::add);
        assertThat(members).containsExactly("offerId", "version", "credentialConfigurationId", "preAuthorizedCodeHash",
                "txCode", "txCodeHash", "status", "history", "expiresAt", "dpopJkt", "credentialsIssued", "failureReason",
                "notificationId", "statusReferences", "credentialsValidUntil", "callbacks", "callbackMaxAge", "sealedClaims");
    }

    @Test
    void readWhenCorruptThenErrorWithoutContent() {
        assertThatThrownBy(() -> JSON.read("{\"offerId\":\"secret-claim\""))
                .isInstanceOf(IllegalStateException.class).hasMessage("stored session is not readable");
    }
}
