package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.oauth.AuthorizedWallet;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PostMapping;

import java.lang.reflect.Method;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resource URL a DPoP proof must name (RFC 9449 §4.3 htu) is the endpoint's path under the issuer identifier. */
class AuthorizedWalletResolverTest {

    private final AuthorizedWalletResolver resolver = new AuthorizedWalletResolver(null,
            new ConnectorProperties(URI.create("https://issuer.example/tenant")));

    @SuppressWarnings("unused")
    private static final class Endpoints {
        @PostMapping("/oidc4vci/credential")
        void protectedEndpoint(AuthorizedWallet wallet, String other) {
        }

        @PostMapping({"/a", "/b"})
        void twoPaths(AuthorizedWallet wallet) {
        }
    }

    @Test
    void endpointWhenIssuerIdentifierHasAPathThenTheRouteBelowIt() throws NoSuchMethodException {
        assertThat(resolver.endpoint(parameter("protectedEndpoint", 0)))
                .isEqualTo(URI.create("https://issuer.example/tenant/oidc4vci/credential"));
    }

    @Test
    void endpointWhenTheMappingHasTwoPathsThenAProgrammingError() throws NoSuchMethodException {
        assertThatThrownBy(() -> resolver.endpoint(parameter("twoPaths", 0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void supportsParameterWhenAuthorizedWalletThenOnlyThatParameter() throws NoSuchMethodException {
        assertThat(resolver.supportsParameter(parameter("protectedEndpoint", 0))).isTrue();
        assertThat(resolver.supportsParameter(parameter("protectedEndpoint", 1))).isFalse();
    }

    private static MethodParameter parameter(String method, int index) throws NoSuchMethodException {
        for (Method candidate : Endpoints.class.getDeclaredMethods()) {
            if (candidate.getName().equals(method)) return new MethodParameter(candidate, index);
        }
        throw new NoSuchMethodException(method);
    }
}
