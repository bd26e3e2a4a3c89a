package io.github.vciconnector.oauth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which redirect URIs PAR registers (RFC 6749 §3.1.2, RFC 8252 §7): wallets' own schemes and https, never a runnable one. */
class RedirectUrisTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://wallet.example/cb", "https://wallet.example/cb?x=1", "eu.europa.ec.euidi://authorization",
            "com.example.wallet:/callback", "http://127.0.0.1:49152/callback", "http://[::1]:8080/cb", "http://localhost/cb"})
    void requireWhenWalletRedirectThenAccepted(String uri) {
        assertThatCode(() -> RedirectUris.require(uri)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/relative/cb", "https://wallet.example/cb#fragment", "javascript:alert(1)", "JavaScript:alert(1)",
            "data:text/html,<b>x</b>", "file:///etc/passwd", "http://wallet.example/cb", "https:///no-host", "not a uri",
            "vbscript:msgbox", "blob:https://x/1"})
    void requireWhenNotARedirectAWalletMayRegisterThenInvalidRequest(String uri) {
        assertThatThrownBy(() -> RedirectUris.require(uri)).isInstanceOf(TokenRequestException.class).hasMessageContaining("redirect_uri");
    }
}
