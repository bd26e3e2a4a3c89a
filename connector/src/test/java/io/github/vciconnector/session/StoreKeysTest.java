package io.github.vciconnector.session;

import io.github.vciconnector.config.RandomTokens;
import io.github.vciconnector.jose.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The value types of the store ports check themselves: only what the connector mints is an id or an index key. */
class StoreKeysTest {

    private final OfferSecrets secrets = new OfferSecrets(ServerSecrets.random(new SecureRandom()), new RandomTokens(new SecureRandom()));

    @Test
    void offerIdWhenMintedThenAccepted() {
        for (int i = 0; i < 200; i++) {
            String minted = secrets.newOfferId();
            assertThat(new OfferId(minted).value()).isEqualTo(minted);
            assertThat(OfferId.parse(minted)).contains(new OfferId(minted));
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "unknown", "AAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAA+A",
            "AAAAAAAAAAAAAAAAAAAA/A", "AAAAAAAAAAAAAAAAAAAA=A", "AAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAA\u00e9A",
            // 22 base64url characters with bits set past the 16th byte: a second spelling of an id, refused
            "AAAAAAAAAAAAAAAAAAAAAB", "AAAAAAAAAAAAAAAAAAAAA_"})
    void offerIdWhenNotTwentyTwoCanonicalBase64UrlCharactersThenRefused(String value) {
        assertThat(OfferId.parse(value)).isEmpty();
        assertThatThrownBy(() -> new OfferId(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void offerIdPrintsAsTheBareId() {
        String minted = secrets.newOfferId();
        assertThat("offer " + new OfferId(minted)).isEqualTo("offer " + minted);
    }

    @Test
    void tokenHashWhenSha256OfACodeThenAccepted() {
        String code = secrets.preAuthorizedCode(secrets.newOfferId());
        assertThat(TokenHash.parse(Sha256.base64Url(code))).contains(new TokenHash(Sha256.base64Url(code)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "token-hash", "planted-by-a-store-writer-0123456789abcdef",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void tokenHashWhenNotFortyThreeCanonicalBase64UrlCharactersThenRefused(String value) {
        assertThat(TokenHash.parse(value)).isEmpty();
        assertThatThrownBy(() -> new TokenHash(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
