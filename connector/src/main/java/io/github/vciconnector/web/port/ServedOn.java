package io.github.vciconnector.web.port;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the one port that serves the routes of a controller class, or of every controller of a package (on its
 * {@code package-info.java}); a class's own declaration wins over its package's. {@link PortRoutes} builds each port's
 * allow-list from these declarations (and the {@link RouteClaim}s of framework endpoints), so a route that nobody
 * declares is served on no port (L-1). A package's declaration covers that package only, not its sub-packages (Java
 * has no package inheritance): a controller in a new sub-package is served nowhere until it declares its port.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface ServedOn {

    Port value();
}
