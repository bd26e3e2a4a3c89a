package io.github.vciconnector.oauth;

import io.github.vciconnector.jose.Sha256;
import io.github.vciconnector.session.OfferEnded;
import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.OfferStatus;
import io.github.vciconnector.session.Race;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pre-authorized code grant (OID4VCI 1.0 §6) on the real in-memory store: every refusal with its exact error and
 * description, single use of the code and of the DPoP proof, the Transaction Code limit (VCI-TOK-2, VCI-TOK-4,
 * VCI-OFF-4), and that a refused request writes nothing (issue 17 M-2).
 */
class PreAuthorizedCodeGrantTest {

    private static final String INVALID_CODE = "pre-authorized code is invalid, expired or used";

    private final TestTokenEndpoints endpoints = new TestTokenEndpoints();

    @Test
    void exchangeWhenCodeIsValidThenTokenIsBoundToTheProofKeyAndIndexed() {
        var offer = endpoints.offer(null);

        TokenResponse response = endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), null));

        assertThat(response.expiresIn()).isEqualTo(TestTokenEndpoints.TOKEN_LIFETIME.toSeconds());
        assertThat(response.accessToken()).hasSize(43); // 32 random bytes, base64url
        var session = endpoints.session(offer.offerId());
        assertThat(session.status()).isEqualTo(OfferStatus.TOKEN_ISSUED);
        assertThat(session.dpopJkt()).isEqualTo(TestTokenEndpoints.thumbprint(endpoints.walletKey));
        assertThat(endpoints.store.findByAccessToken(endpoints.accessTokens.indexOf(response.accessToken())))
                .map(s -> s.offerId()).contains(offer.offerId());
    }

    @Test
    void exchangeWhenGrantTypeIsMissingThenInvalidRequest() {
        var form = new HashMap<>(TestTokenEndpoints.form(endpoints.offer(null).code(), null));
        form.remove(TokenRequest.GRANT_TYPE);

        assertRefused(() -> endpoints.grant.exchange(endpoints.withProof(form, endpoints.tokenProof(endpoints.walletKey))),
                TokenError.INVALID_REQUEST, "grant_type must be the pre-authorized_code grant");
    }

    @Test
    void exchangeWhenGrantTypeIsAuthorizationCodeThenUnsupportedGrantType() {
        var form = new HashMap<>(TestTokenEndpoints.form(endpoints.offer(null).code(), null));
        form.put(TokenRequest.GRANT_TYPE, "authorization_code");

        assertRefused(() -> endpoints.grant.exchange(endpoints.withProof(form, endpoints.tokenProof(endpoints.walletKey))),
                TokenError.UNSUPPORTED_GRANT_TYPE, "grant_type must be the pre-authorized_code grant");
    }

    @Test
    void exchangeWhenCodeIsMissingThenInvalidRequest() {
        assertRefused(() -> endpoints.grant.exchange(endpoints.tokenRequest(null, null)),
                TokenError.INVALID_REQUEST, "pre-authorized_code is missing");
    }

    @Test
    void exchangeWhenCodeIsUnknownThenInvalidGrantAndNothingIsWritten() {
        endpoints.offer(null);
        int entries = endpoints.store.entryCount();
        String proof = endpoints.tokenProof(endpoints.walletKey);

        assertRefused(() -> endpoints.grant.exchange(endpoints.withProof(TestTokenEndpoints.form("not-a-code", null), proof)),
                TokenError.INVALID_GRANT, INVALID_CODE);

        // M-2: neither the DPoP jti nor anything else was stored for a request that proved nothing
        assertThat(endpoints.store.entryCount()).isEqualTo(entries);
    }

    @Test
    void exchangeWhenRefusedForTheCodeThenTheSameProofIsStillAcceptedLater() {
        var offer = endpoints.offer(null);
        String proof = endpoints.tokenProof(endpoints.walletKey);
        assertRefused(() -> endpoints.grant.exchange(endpoints.withProof(TestTokenEndpoints.form("not-a-code", null), proof)),
                TokenError.INVALID_GRANT, INVALID_CODE);

        // the jti was not burnt by the refused request (M-2)
        assertThat(endpoints.grant.exchange(endpoints.withProof(TestTokenEndpoints.form(offer.code(), null), proof)).accessToken())
                .isNotEmpty();
    }

    @Test
    void exchangeWhenOfferHasExpiredThenInvalidGrant() {
        var offer = endpoints.offer(null);
        endpoints.clock.advance(TestTokenEndpoints.OFFER_TTL);

        assertRefused(() -> endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), null)), TokenError.INVALID_GRANT, INVALID_CODE);
        assertThat(endpoints.session(offer.offerId()).status()).isEqualTo(OfferStatus.OFFER_CREATED);
    }

    @Test
    void exchangeWhenCodeWasRedeemedThenInvalidGrant() {
        var offer = endpoints.offer(null);
        endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), null));

        assertRefused(() -> endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), null)), TokenError.INVALID_GRANT, INVALID_CODE);
        assertThat(endpoints.session(offer.offerId()).version()).as("the refusal wrote nothing").isEqualTo(1);
    }

    @Test
    void exchangeWhenOfferWasCancelledThenInvalidGrant() {
        var offer = endpoints.offer(null);
        endpoints.store.transition(new OfferId(offer.offerId()),
                s -> Optional.of(s.ended(OfferStatus.CANCELLED, "backend", endpoints.clock.instant())));

        assertRefused(() -> endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), null)), TokenError.INVALID_GRANT, INVALID_CODE);
    }

    @Test
    void exchangeWhenTwoWalletsRaceWithTheSameCodeThenExactlyOneGetsAToken() {
        var offer = endpoints.offer(null);
        var keys = List.of(TestTokenEndpoints.generateKey(), TestTokenEndpoints.generateKey());
        var requests = keys.stream()
                .map(key -> endpoints.withProof(TestTokenEndpoints.form(offer.code(), null), endpoints.tokenProof(key))).toList();

        List<Object> outcomes = Race.run(2, i -> {
            try {
                return endpoints.grant.exchange(requests.get(i));
            } catch (TokenRequestException e) {
                return e.error();
            }
        });

        // VCI-OFF-4: the code is single use even under concurrent exchanges
        assertThat(outcomes).filteredOn(TokenResponse.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(TokenError.INVALID_GRANT::equals).hasSize(1);
        int winner = outcomes.get(0) instanceof TokenResponse ? 0 : 1;
        assertThat(endpoints.session(offer.offerId()).dpopJkt()).isEqualTo(TestTokenEndpoints.thumbprint(keys.get(winner)));
    }

    @Test
    void exchangeWhenDPoPProofIsMissingThenInvalidDPoPProof() {
        var offer = endpoints.offer(null);

        assertRefused(() -> endpoints.grant.exchange(endpoints.withProof(TestTokenEndpoints.form(offer.code(), null), null)),
                TokenError.INVALID_DPOP_PROOF, "missing DPoP proof");
        assertThat(endpoints.session(offer.offerId()).status()).isEqualTo(OfferStatus.OFFER_CREATED);
    }

    @Test
    void exchangeWhenDPoPProofHasNoNonceThenUseDPoPNonce() {
        var offer = endpoints.offer(null);
        String proof = endpoints.proof(endpoints.walletKey, "POST", TestTokenEndpoints.TOKEN_URI, null, null);
        int entries = endpoints.store.entryCount();

        assertRefused(() -> endpoints.grant.exchange(endpoints.withProof(TestTokenEndpoints.form(offer.code(), null), proof)),
                TokenError.USE_DPOP_NONCE, "DPoP nonce required");
        assertThat(endpoints.store.entryCount()).as("M-2").isEqualTo(entries);
        assertThat(endpoints.session(offer.offerId()).status()).isEqualTo(OfferStatus.OFFER_CREATED);
    }

    @Test
    void exchangeWhenDPoPProofIsReplayedThenInvalidDPoPProofBeforeTheTxCodeCounts() {
        var first = endpoints.offer("123456");
        var second = endpoints.offer("654321");
        String proof = endpoints.tokenProof(endpoints.walletKey);
        endpoints.grant.exchange(endpoints.withProof(TestTokenEndpoints.form(first.code(), "123456"), proof));

        for (int i = 0; i < TestTokenEndpoints.TX_CODE_MAX_ATTEMPTS; i++) {
            assertRefused(() -> endpoints.grant.exchange(endpoints.withProof(TestTokenEndpoints.form(second.code(), "000000"), proof)),
                    TokenError.INVALID_DPOP_PROOF, "DPoP proof replayed");
        }

        // no attempt was counted: the offer is not locked and the right tx_code still works
        assertThat(endpoints.session(second.offerId()).status()).isEqualTo(OfferStatus.OFFER_CREATED);
        assertThat(endpoints.grant.exchange(endpoints.tokenRequest(second.code(), "654321")).accessToken()).isNotEmpty();
    }

    @Test
    void exchangeWhenTxCodeIsRequiredAndAbsentThenInvalidRequestAndNothingIsWritten() {
        var offer = endpoints.offer("123456");
        int entries = endpoints.store.entryCount();

        assertRefused(() -> endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), null)),
                TokenError.INVALID_REQUEST, "tx_code is required for this offer");
        assertThat(endpoints.store.entryCount()).as("no attempt counted, no jti stored (M-2)").isEqualTo(entries);
    }

    @Test
    void exchangeWhenTxCodeIsRequiredAndEmptyThenInvalidRequest() {
        var offer = endpoints.offer("123456");

        assertRefused(() -> endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), "")),
                TokenError.INVALID_REQUEST, "tx_code is required for this offer");
    }

    @Test
    void exchangeWhenTxCodeIsSentButNotExpectedThenInvalidRequest() {
        var offer = endpoints.offer(null);
        int entries = endpoints.store.entryCount();

        assertRefused(() -> endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), "123456")),
                TokenError.INVALID_REQUEST, "tx_code was not expected for this offer");
        assertThat(endpoints.session(offer.offerId()).version()).isZero();
        assertThat(endpoints.store.entryCount()).as("M-2").isEqualTo(entries);
    }

    @Test
    void exchangeWhenTxCodeIsWrongThenInvalidGrantAndTheRightOneStillWorks() {
        var offer = endpoints.offer("123456");

        assertRefused(() -> endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), "654321")),
                TokenError.INVALID_GRANT, "tx_code is wrong");
        assertThat(endpoints.session(offer.offerId()).status()).isEqualTo(OfferStatus.OFFER_CREATED);

        assertThat(endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), "123456")).accessToken()).isNotEmpty();
        assertThat(endpoints.session(offer.offerId()).status()).isEqualTo(OfferStatus.TOKEN_ISSUED);
    }

    @Test
    void exchangeWhenTxCodeIsWrongAsOftenAsAllowedThenOfferFailsWithOneEvent() {
        var offer = endpoints.offer("123456");

        for (int i = 0; i < TestTokenEndpoints.TX_CODE_MAX_ATTEMPTS; i++) {
            assertRefused(() -> endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), "000000")),
                    TokenError.INVALID_GRANT, "tx_code is wrong");
        }

        // VCI-TOK-4: the last allowed wrong attempt locks the offer
        var session = endpoints.session(offer.offerId());
        String reason = "tx_code entered wrongly " + TestTokenEndpoints.TX_CODE_MAX_ATTEMPTS + " times";
        assertThat(session.status()).isEqualTo(OfferStatus.FAILED);
        assertThat(session.failureReason()).isEqualTo(reason);
        assertThat(session.claims()).as("claims deleted in a final state").isNull();
        assertThat(endpoints.events(OfferEnded.class)).containsExactly(
                new OfferEnded(offer.offerId(), OfferStatus.FAILED, reason, TestTokenEndpoints.START));
    }

    @Test
    void exchangeWhenOfferIsLockedThenEvenTheRightTxCodeIsRefused() {
        var offer = endpoints.offer("123456");
        for (int i = 0; i < TestTokenEndpoints.TX_CODE_MAX_ATTEMPTS; i++) {
            assertThatThrownBy(() -> endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), "000000")))
                    .isInstanceOf(TokenRequestException.class);
        }

        assertRefused(() -> endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), "123456")), TokenError.INVALID_GRANT, INVALID_CODE);
        assertThat(endpoints.events(OfferEnded.class)).as("no second FAILED event").hasSize(1);
    }

    @Test
    void exchangeWhenWrongTxCodesRaceThenAtMostTheLimitIsCompared() {
        var offer = endpoints.offer("123456");
        int callers = TestTokenEndpoints.TX_CODE_MAX_ATTEMPTS + 5;
        var requests = new java.util.ArrayList<TokenRequest>();
        for (int i = 0; i < callers; i++) requests.add(endpoints.tokenRequest(offer.code(), "000000"));

        List<String> descriptions = Race.run(callers, i -> {
            try {
                endpoints.grant.exchange(requests.get(i));
                return "accepted";
            } catch (TokenRequestException e) {
                return e.getMessage();
            }
        });

        // the counter is incremented before the comparison, so parallel guesses cannot outrun the limit
        assertThat(descriptions).filteredOn("tx_code is wrong"::equals).hasSizeLessThanOrEqualTo(TestTokenEndpoints.TX_CODE_MAX_ATTEMPTS);
        assertThat(descriptions).doesNotContain("accepted");
        assertThat(endpoints.session(offer.offerId()).status()).isEqualTo(OfferStatus.FAILED);
        assertThat(endpoints.events(OfferEnded.class)).hasSize(1);
    }

    @Test
    void exchangeWhenOfferIsLockedThenItsCodeIndexIsGone() {
        var offer = endpoints.offer("123456");
        for (int i = 0; i < TestTokenEndpoints.TX_CODE_MAX_ATTEMPTS; i++) {
            assertThatThrownBy(() -> endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), "000000")))
                    .isInstanceOf(TokenRequestException.class);
        }

        // no replica can redeem the code any more, even one that read the session before the lock
        assertThat(endpoints.store.redeemPreAuthorizedCode(new io.github.vciconnector.session.TokenHash(io.github.vciconnector.jose.Sha256.base64Url(offer.code())))).isFalse();
    }

    @Test
    void exchangeWhenTokenIsIssuedThenSessionStaysAliveAtLeastAsLongAsTheToken() {
        var offer = endpoints.offer(null);
        endpoints.clock.advance(TestTokenEndpoints.OFFER_TTL.minus(Duration.ofMinutes(1)));

        endpoints.grant.exchange(endpoints.tokenRequest(offer.code(), null));

        assertThat(endpoints.session(offer.offerId()).expiresAt())
                .isEqualTo(endpoints.clock.instant().plus(TestTokenEndpoints.TOKEN_LIFETIME));
    }

    static void assertRefused(ThrowingCallable call, TokenError error, String description) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TokenRequestException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e).hasMessage(description);
        });
    }
}
