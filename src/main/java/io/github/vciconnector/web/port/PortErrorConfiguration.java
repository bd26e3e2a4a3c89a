package io.github.vciconnector.web.port;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The per-port allow-lists ({@link PortRoutes}) and the end of Spring Boot's {@code /error} controller: every error
 * dispatch is answered by {@link ErrorPageFilter} in the shape of its port, so a controller that could be called
 * directly as {@code GET /error} (and answer with Spring's own shape) has no use.
 */
@Configuration(proxyBeanMethods = false)
class PortErrorConfiguration {

    @Bean
    PortRoutes portRoutes(ListableBeanFactory beans) {
        return new PortRoutes(beans);
    }

    /** Its presence keeps Spring Boot from mapping BasicErrorController at /error (ErrorMvcAutoConfiguration). */
    @Bean
    ErrorController errorPagesAreWrittenByErrorPageFilter() {
        return new ErrorController() {
        };
    }
}
