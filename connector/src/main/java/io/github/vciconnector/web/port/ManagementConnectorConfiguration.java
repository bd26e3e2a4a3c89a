package io.github.vciconnector.web.port;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;


/**
 * Adds the management port as a second Tomcat connector in the same context, guarded by {@link PortIsolationFilter};
 * error dispatches get the error page of the port they arrived on ({@link ErrorPageFilter}).
 */
@Configuration(proxyBeanMethods = false)
class ManagementConnectorConfiguration {

    @Bean
    ManagementConnector managementConnector(ManagementPortProperties properties, SslBundles bundles) {
        var connector = new ManagementConnector(properties.port(), properties.address());
        if (!properties.ssl().enabled()) return connector;
        try {
            return connector.withTls(bundles.getBundle(properties.ssl().bundle()), properties.ssl().clientAuth());
        } catch (NoSuchSslBundleException e) {
            throw new IllegalArgumentException("CONNECTOR_MANAGEMENT_SSL_BUNDLE names no SSL bundle: define spring.ssl.bundle.pem."
                    + properties.ssl().bundle() + ".* (or .jks.)", e);
        }
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> addManagementConnector(ManagementConnector connector) {
        return factory -> {
            factory.addAdditionalConnectors(connector.tomcatConnector());
            factory.addConnectorCustomizers(connector.serverSettingsFrom(factory));
        };
    }

    @Bean
    FilterRegistrationBean<ErrorPageFilter> errorPageFilter(PortErrorPages pages) {
        var registration = new FilterRegistrationBean<>(new ErrorPageFilter(pages));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** The one decision of a request's arrival port; see {@link Port#of}. */
    @Bean
    ArrivalPort arrivalPort(ManagementConnector connector) {
        return new ArrivalPort(connector::localPort);
    }

    @Bean
    FilterRegistrationBean<PortIsolationFilter> portIsolationFilter(ArrivalPort arrivalPort, PortRoutes routes) {
        var registration = new FilterRegistrationBean<>(new PortIsolationFilter(arrivalPort, routes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
