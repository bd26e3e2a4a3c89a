package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.oauth.AccessTokenVerifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Registers {@link AuthorizedWalletResolver}: a protected endpoint states its authorisation by its parameter type. */
@Configuration(proxyBeanMethods = false)
class WalletArgumentsConfiguration implements WebMvcConfigurer {

    private final AccessTokenVerifier tokens;
    private final ConnectorProperties connector;

    WalletArgumentsConfiguration(AccessTokenVerifier tokens, ConnectorProperties connector) {
        this.tokens = tokens;
        this.connector = connector;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AuthorizedWalletResolver(tokens, connector));
    }
}
