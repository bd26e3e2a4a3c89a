package io.github.vciconnector.oauth;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Token Request and Response (RFC 6749 §4.1.3, §5.1; RFC 9449 §5) and who may make an {@link AuthorizedWallet}. */
class TokenMessagesTest {

    @Test
    void toJSONObjectWhenTokenIssuedThenAccessTokenTypeDPoPAndLifetimeInThatOrder() {
        assertThat(JSONObjectUtils.toJSONString(new TokenResponse("q-_9Zx", 600).toJSONObject()))
                .isEqualTo("{\"access_token\":\"q-_9Zx\",\"token_type\":\"DPoP\",\"expires_in\":600}");
    }

    @Test
    void constructWhenTokenMissingOrLifetimeNotPositiveThenRefused() {
        assertThatThrownBy(() -> new TokenResponse("", 600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenResponse("t", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenTokenPresentThenHidden() {
        assertThat(new TokenResponse("secret-token", 600).toString()).doesNotContain("secret-token");
        var request = new TokenRequest(Map.of("grant_type", "g", "pre-authorized_code", "secret-code", "tx_code", "1234"),
                List.of(), Map.of());
        assertThat(request.toString()).isEqualTo("TokenRequest[grant_type=g]");
    }

    @Test
    void accessorsWhenFormHasTheOID4VCIParametersThenNamedByTheirWireNames() {
        var request = new TokenRequest(Map.of("grant_type", "g", "pre-authorized_code", "c", "tx_code", "1234"), List.of("p"), Map.of());
        assertThat(request.grantType()).isEqualTo("g");
        assertThat(request.preAuthorizedCode()).isEqualTo("c");
        assertThat(request.txCode()).isEqualTo("1234");
        assertThat(new TokenRequest(Map.of(), List.of(), Map.of()).txCode()).isNull();
    }

    @Test
    void authorizedWalletWhenOutsideOAuthThenNoConstructorToCall() {
        // STYLE §2: only AccessTokenVerifier makes one, so issuing without authorisation does not compile.
        assertThat(AuthorizedWallet.class.getConstructors()).isEmpty();
        assertThat(Arrays.stream(AuthorizedWallet.class.getDeclaredConstructors())
                .noneMatch(c -> Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()))).isTrue();
        assertThat(Modifier.isFinal(AuthorizedWallet.class.getModifiers())).isTrue();
    }
}
