package io.github.vciconnector.web.port;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.List;

/**
 * The per-port allow-lists ({@link PortRoutes}) and the end of Spring Boot's {@code /error} controller: every error
 * dispatch is answered by {@link ErrorPageFilter} in the shape of its port, so a controller that could be called
 * directly as {@code GET /error} (and answer with Spring's own shape) has no use.
 */
@Configuration(proxyBeanMethods = false)
class PortErrorConfiguration {

    @Bean
    PortErrorPages portErrorPages(ArrivalPort arrivalPort, List<ErrorPage> pages) {
        return new PortErrorPages(arrivalPort, pages);
    }

    @Bean
    PortRoutes portRoutes(ListableBeanFactory beans) {
        return new PortRoutes(beans);
    }

    /**
     * Replaces the host's error report valve (Spring Boot adds a plain one) by one that answers in each port's shape.
     * Runs after Spring Boot's own customizer, so its valve is already in the pipeline to be removed.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> portErrorReportValve(PortErrorPages pages) {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) host.getPipeline().removeValve(valve);
            }
            // StandardHost adds a valve of this class name only when the pipeline has none of it
            host.setErrorReportValveClass(PortErrorReportValve.class.getName());
            host.getPipeline().addValve(new PortErrorReportValve(pages));
        });
    }

    @Bean
    FilterRegistrationBean<ErrorBodyFilter> errorBodyFilter(PortErrorPages pages) {
        var registration = new FilterRegistrationBean<>(new ErrorBodyFilter(pages));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    /** Its presence keeps Spring Boot from mapping BasicErrorController at /error (ErrorMvcAutoConfiguration). */
    @Bean
    ErrorController errorPagesAreWrittenByErrorPageFilter() {
        return new ErrorController() {
        };
    }
}
