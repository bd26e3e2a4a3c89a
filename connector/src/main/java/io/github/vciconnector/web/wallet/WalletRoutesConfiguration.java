package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.web.port.ErrorPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * When the Credential Issuer Identifier has a path ({@code https://h/tenant}), the wallet endpoints live below it
 * ({@code /tenant/oidc4vci/token}) while the well-known documents keep their place at the root (OID4VCI §12.2.2).
 * Errors that happen before any endpoint is chosen get the OAuth error shape too.
 */
@Configuration(proxyBeanMethods = false)
class WalletRoutesConfiguration implements WebMvcConfigurer {

    private final ConnectorProperties connector;

    WalletRoutesConfiguration(ConnectorProperties connector) {
        this.connector = connector;
    }

    @Bean
    ErrorPage walletErrorPage() {
        return new WalletErrorPage();
    }

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        if (!connector.basePath().isEmpty()) {
            configurer.addPathPrefix(connector.basePath(), HandlerTypePredicate.forAssignableType(
                    OfferEndpoint.class, TokenEndpoint.class, NonceEndpoint.class, CredentialEndpoint.class, NotificationEndpoint.class,
                    TypeMetadataEndpoint.class, StatusListEndpoint.class, PushedAuthorizationRequestEndpoint.class,
                    AuthorizationEndpoint.class));
        }
    }
}
