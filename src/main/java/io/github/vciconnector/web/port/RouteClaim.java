package io.github.vciconnector.web.port;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A port's claim on the routes it serves, judged from the route declarations themselves (the handler mapping that
 * holds a route and the method that handles it), so that a new endpoint is served on the port of its package and
 * on no other one. {@link PortRoutes} turns the claims into each port's allow-list.
 */
public interface RouteClaim {

    /** True for the management port's claim, false for the wallet port's. */
    boolean forManagementPort();

    boolean claims(HandlerMapping mapping, HandlerMethod handler);

    /** Claims every handler whose class lives in the package of {@code marker} or below it. */
    static boolean inPackageOf(Class<?> marker, HandlerMethod handler) {
        String name = handler.getBeanType().getName();
        return name.startsWith(marker.getPackageName() + ".");
    }
}
