package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.TestSessions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Claims at rest: AES-256-GCM, bound to the offer id, readable under the previous master secret during a rotation. */
class ClaimsCipherTest {

    private static final byte[] OLD = random();
    private static final byte[] NEW = random();
    private static final byte[] CLAIMS = "{\"given_name\":\"Erika\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void openWhenSealedForThisOfferThenClaimsBack() {
        var cipher = cipher(NEW, null);
        assertThat(cipher.open(cipher.seal(CLAIMS, "offer-a"), "offer-a")).isEqualTo(CLAIMS);
    }

    @Test
    void sealWhenCalledTwiceThenFreshNonceEachTime() {
        var cipher = cipher(NEW, null);
        assertThat(cipher.seal(CLAIMS, "offer-a")).isNotEqualTo(cipher.seal(CLAIMS, "offer-a"));
    }

    @Test
    void openWhenMovedToAnotherOfferThenRefusedWithoutContent() {
        var cipher = cipher(NEW, null);
        String sealed = cipher.seal(CLAIMS, "offer-a");
        assertThatThrownBy(() -> cipher.open(sealed, "offer-b"))
                .isInstanceOf(ClaimsCipher.UnreadableClaimsException.class).hasMessageNotContaining("Erika");
    }

    @Test
    void openWhenSealedUnderPreviousMasterSecretThenReadableDuringRotationOnly() {
        String sealed = cipher(OLD, null).seal(CLAIMS, "offer-a");
        assertThat(cipher(NEW, OLD).open(sealed, "offer-a")).isEqualTo(CLAIMS);
        assertThatThrownBy(() -> cipher(NEW, null).open(sealed, "offer-a")).isInstanceOf(ClaimsCipher.UnreadableClaimsException.class);
    }

    @Test
    void openWhenTamperedOrTruncatedThenRefused() {
        var cipher = cipher(NEW, null);
        String sealed = cipher.seal(CLAIMS, "offer-a");
        String flipped = sealed.substring(0, 20) + (sealed.charAt(20) == 'A' ? 'B' : 'A') + sealed.substring(21);
        assertThatThrownBy(() -> cipher.open(flipped, "offer-a")).isInstanceOf(ClaimsCipher.UnreadableClaimsException.class);
        assertThatThrownBy(() -> cipher.open("AAAA", "offer-a")).isInstanceOf(ClaimsCipher.UnreadableClaimsException.class);
        assertThatThrownBy(() -> cipher.open("not base64!", "offer-a")).isInstanceOf(ClaimsCipher.UnreadableClaimsException.class);
    }

    @Test
    void readWhenSealedClaimsMovedToAnotherSessionThenReadWithoutClaims() {
        var json = new SessionJson(cipher(NEW, null), java.time.Duration.ofHours(24));
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        var a = TestSessions.offer(now, Duration.ofMinutes(10));
        var b = TestSessions.offer(now, Duration.ofMinutes(10));
        String sealedOfA = json.write(a).replaceAll(".*\"sealedClaims\":\"([^\"]+)\".*", "$1");
        String bWithClaimsOfA = json.write(b).replaceAll("\"sealedClaims\":\"[^\"]+\"", "\"sealedClaims\":\"" + sealedOfA + "\"");
        assertThat(json.read(bWithClaimsOfA).claims()).isNull();
        assertThat(json.read(bWithClaimsOfA).offerId()).isEqualTo(b.offerId());
    }

    @Test
    void writeWhenClaimsPresentThenNoClaimValueInClear() {
        var session = TestSessions.offer(Instant.parse("2026-03-01T10:00:00Z"), Duration.ofMinutes(10));
        String stored = new SessionJson(cipher(NEW, null), java.time.Duration.ofHours(24)).write(session);
        assertThat(stored).contains("sealedClaims").doesNotContain("\"claims\"");
        session.claims().forEach((name, value) -> assertThat(stored).doesNotContain(name));
    }

    @Test
    void readWhenClaimsInClearThenIgnored() {
        var json = new SessionJson(cipher(NEW, null), java.time.Duration.ofHours(24));
        var session = TestSessions.offer(Instant.parse("2026-03-01T10:00:00Z"), Duration.ofMinutes(10));
        String planted = json.write(session).replaceAll("\"sealedClaims\":\"[^\"]+\"", "\"claims\":{\"given_name\":\"Mallory\"}");
        assertThat(json.read(planted).claims()).isNull();
    }

    private static ClaimsCipher cipher(byte[] current, byte[] previous) {
        return new ClaimsCipher(ServerSecrets.of(current, previous), new SecureRandom());
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
