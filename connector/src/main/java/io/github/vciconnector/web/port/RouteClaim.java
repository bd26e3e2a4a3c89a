package io.github.vciconnector.web.port;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A port's claim on routes of classes the connector does not own and so cannot mark with {@link ServedOn} (actuator
 * and springdoc endpoints), judged from the handler mapping that holds a route and the method that handles it.
 */
public interface RouteClaim {

    /** The port that serves the claimed routes. */
    Port port();

    boolean claims(HandlerMapping mapping, HandlerMethod handler);
}
