package io.github.vciconnector.issuance;

import io.github.vciconnector.session.TestSessions;
import io.github.vciconnector.session.OfferId;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.vciconnector.oauth.AuthorizedWallet;
import io.github.vciconnector.oauth.TestTokenEndpoints;
import io.github.vciconnector.session.IssuanceSession;
import io.github.vciconnector.session.OfferStatus;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Notification Endpoint logic (OID4VCI 1.0 §11) with a wallet authorised by a real token: an unknown
 * notification_id is refused, accepted and deleted end issuance by dropping the claims, failure keeps them, and no
 * event ever changes the offer's status or queues a callback (issue 17 L-7). Repeating is harmless (VCI-NOT-2).
 */
class NotificationServiceTest {

    private static final String NOTIFICATION_ID = "notification-1";

    private final TestTokenEndpoints endpoints = new TestTokenEndpoints();
    private final NotificationService service = new NotificationService(endpoints.store);
    private final TestTokenEndpoints.Offer offer = endpoints.offer(null);
    private final String token = endpoints.accessToken(offer);

    @Test
    void notifyWhenNotificationIdIsUnknownThenInvalidNotificationIdAndNothingChanges() {
        var issued = issue(offer);

        assertRefused(() -> service.notify(endpoints.authorize(token), request("another-id", NotificationEvent.CREDENTIAL_ACCEPTED)));
        assertThat(endpoints.session(offer.offerId())).isEqualTo(issued);
    }

    @Test
    void notifyWhenNothingWasIssuedYetThenInvalidNotificationId() {
        // TOKEN_ISSUED: no notification_id was handed out, so none can match
        assertRefused(() -> service.notify(endpoints.authorize(token), request(NOTIFICATION_ID, NotificationEvent.CREDENTIAL_ACCEPTED)));
        assertThat(endpoints.session(offer.offerId()).status()).isEqualTo(OfferStatus.TOKEN_ISSUED);
    }

    @Test
    void notifyWhenIdBelongsToAnotherOfferThenInvalidNotificationId() {
        issue(offer);
        var other = endpoints.offer(null);
        endpoints.accessToken(other);
        var otherIssued = endpoints.store.transition(new OfferId(other.offerId()), s -> Optional.of(
                s.issued(TestSessions.entries(1), endpoints.clock.instant(), endpoints.clock.instant(), "other-notification", s.expiresAt()))).orElseThrow();

        assertRefused(() -> service.notify(endpoints.authorize(token), request("other-notification", NotificationEvent.CREDENTIAL_DELETED)));
        assertThat(endpoints.session(other.offerId())).as("the other offer keeps its claims").isEqualTo(otherIssued);
    }

    @Test
    void notifyWhenCredentialAcceptedThenClaimsAreDroppedAndStatusAndOutboxStay() {
        var issued = issue(offer);

        service.notify(endpoints.authorize(token), request(NOTIFICATION_ID, NotificationEvent.CREDENTIAL_ACCEPTED));

        var after = endpoints.session(offer.offerId());
        assertThat(after.claims()).as("VCI-CRS-7: no further credentials, so the claims go").isNull();
        assertThat(after.status()).as("L-7: a wallet's word does not change the status").isEqualTo(OfferStatus.ISSUED);
        assertThat(after.history()).isEqualTo(issued.history());
        assertThat(after.outbox()).as("L-7: no callback reaches the backend").isEqualTo(issued.outbox());
    }

    @Test
    void notifyWhenCredentialDeletedThenClaimsAreDroppedAndStatusStays() {
        var issued = issue(offer);

        service.notify(endpoints.authorize(token), request(NOTIFICATION_ID, NotificationEvent.CREDENTIAL_DELETED));

        var after = endpoints.session(offer.offerId());
        assertThat(after.claims()).isNull();
        assertThat(after.status()).isEqualTo(OfferStatus.ISSUED);
        assertThat(after.outbox()).isEqualTo(issued.outbox());
    }

    @Test
    void notifyWhenCredentialFailureThenNothingIsWrittenSoTheWalletMayAskAgain() {
        var issued = issue(offer);

        service.notify(endpoints.authorize(token), request(NOTIFICATION_ID, NotificationEvent.CREDENTIAL_FAILURE));

        var after = endpoints.session(offer.offerId());
        assertThat(after).isEqualTo(issued);
        assertThat(after.issuesCredentials(endpoints.clock.instant())).isTrue();
    }

    @Test
    void notifyWhenRepeatedThenHarmlessAndWrittenOnce() {
        issue(offer);
        service.notify(endpoints.authorize(token), request(NOTIFICATION_ID, NotificationEvent.CREDENTIAL_ACCEPTED));
        var afterFirst = endpoints.session(offer.offerId());

        service.notify(endpoints.authorize(token), request(NOTIFICATION_ID, NotificationEvent.CREDENTIAL_ACCEPTED));
        service.notify(endpoints.authorize(token), request(NOTIFICATION_ID, NotificationEvent.CREDENTIAL_DELETED));

        assertThat(endpoints.session(offer.offerId())).as("VCI-NOT-2: no second write").isEqualTo(afterFirst);
    }

    @Test
    void notifyWhenWalletWasAuthorizedBeforeIssuanceThenTheStoredSessionDecides() {
        AuthorizedWallet authorizedEarly = endpoints.authorize(token);
        issue(offer);

        service.notify(authorizedEarly, request(NOTIFICATION_ID, NotificationEvent.CREDENTIAL_ACCEPTED));

        assertThat(endpoints.session(offer.offerId()).claims()).isNull();
    }

    @Test
    void notifyWhenEventHasADescriptionThenOnlyTheEventNameIsLogged() {
        issue(offer);
        var logger = (Logger) LoggerFactory.getLogger(NotificationService.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO); // whatever another test's context configured
        try {
            service.notify(endpoints.authorize(token),
                    new NotificationRequest(NOTIFICATION_ID, NotificationEvent.CREDENTIAL_FAILURE, "secret-free-text-4711"));
        } finally {
            logger.setLevel(level);
            logger.detachAppender(appender);
        }

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("wallet notification credential_failure for offer " + offer.offerId())
                .noneMatch(message -> message.contains("secret-free-text-4711"));
    }

    /** The session as the first Credential Response leaves it: ISSUED, claims kept, one ISSUED callback queued. */
    private IssuanceSession issue(TestTokenEndpoints.Offer issuedOffer) {
        return endpoints.store.transition(new OfferId(issuedOffer.offerId()), s -> Optional.of(
                s.issued(TestSessions.entries(1), endpoints.clock.instant(), endpoints.clock.instant(), NOTIFICATION_ID, s.expiresAt()))).orElseThrow();
    }

    private static NotificationRequest request(String notificationId, NotificationEvent event) {
        return new NotificationRequest(notificationId, event, null);
    }

    private static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NotificationRequestException.class, e -> {
            assertThat(e.error()).isEqualTo(NotificationError.INVALID_NOTIFICATION_ID);
            assertThat(e).hasMessage("notification_id is unknown");
        });
    }
}
