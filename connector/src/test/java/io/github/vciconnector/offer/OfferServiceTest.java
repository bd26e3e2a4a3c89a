package io.github.vciconnector.offer;

import io.github.vciconnector.jose.Sha256;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferCreated;
import io.github.vciconnector.session.OfferEnded;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferStatus;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.vciconnector.offer.TestOfferServices.claims;
import static io.github.vciconnector.offer.TestOfferServices.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The offer lifecycle rules of OfferService, on a real in-memory store and real HMAC keys. */
class OfferServiceTest {

    private final TestOfferServices fixture = new TestOfferServices();
    private final OfferService offers = fixture.service;

    @Test
    void createWhenTextTxCodeRequestedThenCodeFromTheTextAlphabetStoredOnlyAsKeyedHash() {
        CreatedOffer created = offers.create(request(claims(), new OfferRequest.TxCodeRequest("text", 12, null), null));

        assertThat(created.txCode()).hasSize(12).matches("[" + TxCodes.TEXT + "]+");
        IssuanceSession session = fixture.store.findById(new OfferId(created.offerId())).orElseThrow();
        assertThat(session.txCodeHash()).isNotEqualTo(created.txCode()).doesNotContain(created.txCode());
        assertThat(session.toString()).doesNotContain(created.txCode());
    }

    @Test
    void createWhenTxCodeWithoutDetailsThenSixDigits() {
        CreatedOffer created = offers.create(request(claims(), new OfferRequest.TxCodeRequest(null, null, null), null));

        assertThat(created.txCode()).matches("[0-9]{6}");
    }

    @Test
    void createWhenExpiresInAbsentThenConfiguredDefault() {
        CreatedOffer created = offers.create(request(claims(), null, null));

        assertThat(created.expiresAt()).isEqualTo(fixture.clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void createWhenExpiresInAboveMaximumThenRefused() {
        assertThatThrownBy(() -> offers.create(request(claims(), null, Duration.ofHours(25))))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.field()).isEqualTo("expires_in"));
    }

    @Test
    void snapshotWhenPastExpiryThenExpiredAtExpiryTime() {
        CreatedOffer created = offers.create(request(claims(), null, Duration.ofSeconds(30)));
        fixture.clock.advance(Duration.ofSeconds(31));

        OfferSnapshot snapshot = offers.snapshot(created.offerId()).orElseThrow();

        assertThat(snapshot.status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(snapshot.timestamps()).containsEntry(OfferStatus.EXPIRED, created.expiresAt());
    }

    @Test
    void cancelWhenOfferOpenThenCancelledCodeUnredeemableAndOneEvent() {
        CreatedOffer created = offers.create(request(claims(), null, null));
        IssuanceSession before = fixture.store.findById(new OfferId(created.offerId())).orElseThrow();

        offers.cancel(created.offerId());
        offers.cancel(created.offerId());

        IssuanceSession after = fixture.store.findById(new OfferId(created.offerId())).orElseThrow();
        assertThat(after.status()).isEqualTo(OfferStatus.CANCELLED);
        assertThat(after.claims()).isNull();
        assertThat(fixture.store.findByPreAuthorizedCode(before.codeHash())).isEmpty();
        assertThat(fixture.events.stream().filter(e -> e instanceof OfferEnded)).singleElement()
                .satisfies(e -> assertThat(((OfferEnded) e).status()).isEqualTo(OfferStatus.CANCELLED));
    }

    @Test
    void cancelWhenOfferExpiredThenOfferEnded() {
        CreatedOffer created = offers.create(request(claims(), null, Duration.ofSeconds(30)));
        fixture.clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> offers.cancel(created.offerId()))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.error()).isEqualTo(OfferError.OFFER_ENDED));
    }

    @Test
    void cancelWhenUnknownThenNotFound() {
        assertThatThrownBy(() -> offers.cancel("nope"))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.error()).isEqualTo(OfferError.OFFER_NOT_FOUND));
    }

    @Test
    void createWhenIdempotencyKeyReusedWithSameRequestThenFirstOfferWithoutTxCode() {
        var request = request(claims(), new OfferRequest.TxCodeRequest("numeric", 6, null), null);
        CreatedOffer first = offers.create(request, "key-1");

        CreatedOffer retry = offers.create(request, "key-1");

        assertThat(retry.offerId()).isEqualTo(first.offerId());
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.txCode()).isNull();
    }

    @Test
    void createWhenIdempotencyKeyReusedWithOtherTxCodeThenRefused() {
        offers.create(request(claims(), new OfferRequest.TxCodeRequest("numeric", 6, null), null), "key-1");

        assertThatThrownBy(() -> offers.create(request(claims(), new OfferRequest.TxCodeRequest("numeric", 8, null), null), "key-1"))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.error()).isEqualTo(OfferError.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void createWhenIdempotencyEntryStoredThenItHoldsNoClaimValue() {
        offers.create(request(claims(), null, null), "key-1");

        String stored = fixture.store.putIfAbsent(Sha256.base64Url("key-1"), "probe", Duration.ofMinutes(1));
        assertThat(stored).doesNotContain("Erika", "Mustermann");
    }

    @RepeatedTest(5)
    void createWhenSameKeyRacesThenOneOffer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        var start = new CountDownLatch(1);
        var results = new java.util.ArrayList<Future<CreatedOffer>>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return offers.create(request(claims(), null, null), "race");
            }));
        }
        start.countDown();
        Set<String> offerIds = new HashSet<>();
        for (Future<CreatedOffer> result : results) offerIds.add(result.get().offerId());
        pool.shutdown();

        assertThat(offerIds).hasSize(1);
        assertThat(fixture.events.stream().filter(e -> e instanceof OfferCreated)).hasSize(1);
    }
}
