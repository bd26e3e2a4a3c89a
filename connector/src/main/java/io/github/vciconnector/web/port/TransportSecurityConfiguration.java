package io.github.vciconnector.web.port;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** HSTS on the public port when the connector serves TLS itself ({@link StrictTransportSecurityFilter}). */
@Configuration(proxyBeanMethods = false)
class TransportSecurityConfiguration {

    @Bean
    FilterRegistrationBean<StrictTransportSecurityFilter> strictTransportSecurityFilter(ServerProperties server) {
        var registration = new FilterRegistrationBean<>(new StrictTransportSecurityFilter());
        registration.setEnabled(Ssl.isEnabled(server.getSsl()));
        // Error dispatches too, so that the error pages (port isolation's 404 among them) carry the header
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
