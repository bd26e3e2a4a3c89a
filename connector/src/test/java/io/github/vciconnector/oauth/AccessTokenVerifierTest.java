package io.github.vciconnector.oauth;

import io.github.vciconnector.session.OfferId;
import io.github.vciconnector.session.ServerSecrets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The resource-side check of a DPoP-bound access token (RFC 9449 §7, DPOP-7) with real tokens from the real grant:
 * scheme, token syntax, unknown and expired tokens, a proof by another key, {@code ath}, replay, and that a refused
 * request leaves no jti behind (issue 17 M-2).
 */
class AccessTokenVerifierTest {

    private static final URI CREDENTIAL_URI = TestTokenEndpoints.CREDENTIAL_URI;

    private final TestTokenEndpoints endpoints = new TestTokenEndpoints();
    private final TestTokenEndpoints.Offer offer = endpoints.offer(null);
    private final String token = endpoints.accessToken(offer);

    @Test
    void authorizeWhenTokenAndProofAreValidThenWalletCarriesTheSessionAndTheTokenIndex() {
        AuthorizedWallet wallet = endpoints.authorize(token);

        assertThat(wallet.session().offerId()).isEqualTo(offer.offerId());
        assertThat(wallet.accessTokenIndex()).isEqualTo(endpoints.accessTokens.indexOf(token).value());
        assertThat(wallet.toString()).doesNotContain(token);
    }

    @Test
    void authorizeWhenSchemeIsLowerCaseThenAccepted() {
        // RFC 9110 §11.1: the authentication scheme is case-insensitive
        var wallet = endpoints.verifier.authorize("dpop " + token, List.of(proof(token)), "POST", CREDENTIAL_URI);

        assertThat(wallet.session().offerId()).isEqualTo(offer.offerId());
    }

    @Test
    void authorizeWhenAuthorizationIsMissingThenInvalidToken() {
        assertRefused(() -> authorize(null, proof(token)), ResourceError.INVALID_TOKEN, "DPoP access token required");
        assertRefused(() -> authorize("  ", proof(token)), ResourceError.INVALID_TOKEN, "DPoP access token required");
    }

    @Test
    void authorizeWhenTokenIsSentAsBearerThenInvalidToken() {
        // DPOP-7: a DPoP-bound token presented as a bearer token is refused
        assertRefused(() -> authorize("Bearer " + token, proof(token)), ResourceError.INVALID_TOKEN, "authorization scheme must be DPoP");
    }

    @Test
    void authorizeWhenSchemeHasNoTokenThenInvalidToken() {
        assertRefused(() -> authorize("DPoP", proof(token)), ResourceError.INVALID_TOKEN, "authorization scheme must be DPoP");
        assertRefused(() -> authorize("DPoP   ", proof(token)), ResourceError.INVALID_TOKEN, "access token is malformed");
    }

    @Test
    void authorizeWhenTokenIsNotToken68ThenMalformed() {
        assertRefused(() -> authorize("DPoP " + token + " extra", proof(token)), ResourceError.INVALID_TOKEN, "access token is malformed");
        assertRefused(() -> authorize("DPoP tök", proof(token)), ResourceError.INVALID_TOKEN, "access token is malformed");
    }

    @Test
    void authorizeWhenTokenIsLongerThan512CharactersThenMalformed() {
        String huge = "a".repeat(513);

        assertRefused(() -> authorize("DPoP " + huge, proof(huge)), ResourceError.INVALID_TOKEN, "access token is malformed");
    }

    @Test
    void authorizeWhenTokenIsUnknownThenInvalidTokenAndNothingIsWritten() {
        String unknown = "x".repeat(43);
        int entries = endpoints.store.entryCount();

        assertRefused(() -> authorize("DPoP " + unknown, proof(unknown)), ResourceError.INVALID_TOKEN, "access token is invalid or expired");
        assertThat(endpoints.store.entryCount()).isEqualTo(entries);
    }

    @Test
    void authorizeWhenTokenHasExpiredThenInvalidToken() {
        endpoints.clock.advance(TestTokenEndpoints.TOKEN_LIFETIME);

        assertRefused(() -> endpoints.authorize(token), ResourceError.INVALID_TOKEN, "access token is invalid or expired");
    }

    @Test
    void authorizeWhenProofIsByAnotherKeyThenInvalidDPoPProofAndItsJtiIsNotStored() {
        var other = TestTokenEndpoints.generateKey();
        String proof = endpoints.proof(other, "POST", CREDENTIAL_URI, token, endpoints.nonces.current());
        int entries = endpoints.store.entryCount();

        assertRefused(() -> authorize("DPoP " + token, proof), ResourceError.INVALID_DPOP_PROOF, "DPoP key does not match the access token");
        // M-2: the jti is written only for a proof by the key the token is bound to
        assertThat(endpoints.store.entryCount()).isEqualTo(entries);
    }

    @Test
    void authorizeWhenAthIsOfAnotherTokenThenInvalidDPoPProof() {
        String proof = endpoints.proof(endpoints.walletKey, "POST", CREDENTIAL_URI, token + "x", endpoints.nonces.current());

        assertRefused(() -> authorize("DPoP " + token, proof), ResourceError.INVALID_DPOP_PROOF, "DPoP ath does not match the access token");
    }

    @Test
    void authorizeWhenAthIsMissingThenInvalidDPoPProof() {
        String proof = endpoints.proof(endpoints.walletKey, "POST", CREDENTIAL_URI, null, endpoints.nonces.current());

        assertRefused(() -> authorize("DPoP " + token, proof), ResourceError.INVALID_DPOP_PROOF, "DPoP proof missing ath");
    }

    @Test
    void authorizeWhenProofIsReplayedThenInvalidDPoPProof() {
        String proof = proof(token);
        authorize("DPoP " + token, proof);

        assertRefused(() -> authorize("DPoP " + token, proof), ResourceError.INVALID_DPOP_PROOF, "DPoP proof replayed");
    }

    @Test
    void authorizeWhenProofIsForAnotherEndpointThenInvalidDPoPProof() {
        String proof = endpoints.proof(endpoints.walletKey, "POST", TestTokenEndpoints.TOKEN_URI, token, endpoints.nonces.current());

        assertThatThrownBy(() -> authorize("DPoP " + token, proof)).isInstanceOfSatisfying(ResourceAccessException.class,
                e -> assertThat(e.error()).isEqualTo(ResourceError.INVALID_DPOP_PROOF));
    }

    @Test
    void authorizeWhenProofHasNoNonceThenUseDPoPNonce() {
        String proof = endpoints.proof(endpoints.walletKey, "POST", CREDENTIAL_URI, token, null);

        assertRefused(() -> authorize("DPoP " + token, proof), ResourceError.USE_DPOP_NONCE, "DPoP nonce required");
    }

    @Test
    void authorizeWhenTokenWasIndexedUnderThePreviousMasterSecretThenFoundDuringRotation() {
        byte[] old = random();
        var before = new AccessTokenIndex(ServerSecrets.of(old, null));
        var rotated = new AccessTokenIndex(ServerSecrets.of(random(), old));
        String oldToken = "rotation-token-" + "b".repeat(28);
        endpoints.store.indexAccessToken(before.indexOf(oldToken), new OfferId(offer.offerId()), TestTokenEndpoints.TOKEN_LIFETIME);
        var verifier = new AccessTokenVerifier(endpoints.store, endpoints.dpop, rotated, TestTokenEndpoints.TOKEN_LIFETIME);

        var wallet = verifier.authorize("DPoP " + oldToken, List.of(proof(oldToken)), "POST", CREDENTIAL_URI);

        assertThat(wallet.accessTokenIndex()).as("the index it was found under").isEqualTo(before.indexOf(oldToken).value())
                .isNotEqualTo(rotated.indexOf(oldToken).value());
    }

    private String proof(String accessToken) {
        return endpoints.proof(endpoints.walletKey, "POST", CREDENTIAL_URI, accessToken, endpoints.nonces.current());
    }

    private AuthorizedWallet authorize(String authorization, String proof) {
        return endpoints.verifier.authorize(authorization, List.of(proof), "POST", CREDENTIAL_URI);
    }

    private static void assertRefused(ThrowingCallable call, ResourceError error, String description) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ResourceAccessException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e).hasMessage(description);
        });
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
