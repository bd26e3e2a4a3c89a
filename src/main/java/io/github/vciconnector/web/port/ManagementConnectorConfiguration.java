package io.github.vciconnector.web.port;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.List;

/**
 * Adds the management port as a second Tomcat connector in the same context, guarded by {@link PortIsolationFilter};
 * error dispatches get the error page of the port they arrived on ({@link ErrorPageFilter}).
 */
@Configuration(proxyBeanMethods = false)
class ManagementConnectorConfiguration {

    static final String[] MANAGEMENT_PREFIXES = {"/offers", "/actuator", "/v3/api-docs"};

    @Bean
    ManagementConnector managementConnector(ManagementPortProperties properties) {
        return new ManagementConnector(properties.port(), properties.address());
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> addManagementConnector(ManagementConnector connector) {
        return factory -> factory.addAdditionalConnectors(connector.tomcatConnector());
    }

    @Bean
    FilterRegistrationBean<ErrorPageFilter> errorPageFilter(ManagementConnector connector, List<ErrorPage> pages) {
        var registration = new FilterRegistrationBean<>(new ErrorPageFilter(connector::localPort, pages));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PortIsolationFilter> portIsolationFilter(ManagementConnector connector, PortRoutes routes) {
        var registration = new FilterRegistrationBean<>(new PortIsolationFilter(connector::localPort, routes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
