package io.github.vciconnector.offer;

import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.jose.Sha256;
import io.github.vciconnector.session.OfferSecrets;
import io.github.vciconnector.session.ServerSecrets;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What "the previous master secret is accepted for a grace period" means for each value derived from an offer id:
 * made before the rotation, it still verifies while the previous secret is configured, and no longer once removed.
 */
class OfferSecretsRotationTest {

    private static final byte[] OLD = random();
    private static final byte[] NEW = random();
    private final OfferSecrets before = secrets(OLD, null);
    private final OfferSecrets during = secrets(NEW, OLD);
    private final OfferSecrets after = secrets(NEW, null);
    private final String offerId = before.newOfferId();

    @Test
    void preAuthorizedCodeWhenMadeBeforeRotationThenRecomputedDuringGraceOnly() {
        String code = before.preAuthorizedCode(offerId);
        String storedHash = Sha256.base64Url(code);
        assertThat(during.preAuthorizedCode(offerId, storedHash)).contains(code);
        assertThat(during.isPreAuthorizedCode(offerId, code)).isTrue();
        assertThat(during.preAuthorizedCode(offerId)).as("new codes use the current key").isNotEqualTo(code);
        assertThat(after.preAuthorizedCode(offerId, storedHash)).isEmpty();
        assertThat(after.isPreAuthorizedCode(offerId, code)).isFalse();
    }

    @Test
    void offerReferenceWhenMadeBeforeRotationThenLookedUpDuringGraceOnly() {
        String reference = before.offerReference(offerId);
        assertThat(during.offerIdFromReference(reference)).isEqualTo(offerId);
        assertThat(during.offerIdFromReference(during.offerReference(offerId))).isEqualTo(offerId);
        assertThat(after.offerIdFromReference(reference)).isNull();
    }

    @Test
    void txCodeHashWhenMadeBeforeRotationThenMatchesDuringGraceOnly() {
        String stored = before.txCodeHash(offerId, "123456");
        assertThat(during.matchesTxCode(offerId, "123456", stored)).isTrue();
        assertThat(during.matchesTxCode(offerId, "123457", stored)).isFalse();
        assertThat(after.matchesTxCode(offerId, "123456", stored)).isFalse();
    }

    @Test
    void requestFingerprintWhenMadeBeforeRotationThenMatchesDuringGraceOnly() {
        String stored = before.requestFingerprint("{\"a\":1}");
        assertThat(during.matchesRequest("{\"a\":1}", stored)).isTrue();
        assertThat(during.matchesRequest("{\"a\":2}", stored)).isFalse();
        assertThat(after.matchesRequest("{\"a\":1}", stored)).isFalse();
    }

    private static OfferSecrets secrets(byte[] current, byte[] previous) {
        return new OfferSecrets(ServerSecrets.of(current, previous), new RandomTokens(new SecureRandom()));
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
