package io.github.vciconnector.web.wallet;

import io.github.vciconnector.config.ConnectorProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * When the Credential Issuer Identifier has a path ({@code https://h/tenant}), the wallet endpoints live below it
 * ({@code /tenant/oidc4vci/token}) while the well-known documents keep their place at the root (OID4VCI §12.2.2).
 */
@Configuration(proxyBeanMethods = false)
class WalletRoutesConfiguration implements WebMvcConfigurer {

    private final ConnectorProperties connector;

    WalletRoutesConfiguration(ConnectorProperties connector) {
        this.connector = connector;
    }

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        if (!connector.basePath().isEmpty()) {
            configurer.addPathPrefix(connector.basePath(), HandlerTypePredicate.forAssignableType(
                    OfferEndpoint.class, TokenEndpoint.class, NonceEndpoint.class, CredentialEndpoint.class, NotificationEndpoint.class,
                    TypeMetadataEndpoint.class));
        }
    }
}
