package io.github.vciconnector.web.port;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Each port's allow-list of path patterns (L-1), read once from every request mapping of the context (controllers,
 * actuator and springdoc endpoints): a controller's port is its {@link ServedOn} declaration (its class's, else its
 * package's), a framework endpoint's is the {@link RouteClaim} that claims it. A route nobody declares, or that is
 * declared for both ports, is served on neither: isolation fails closed.
 */
public final class PortRoutes implements SmartInitializingSingleton {

    /** One row of the route table: a method ({@code *} for any), a path pattern and the port that serves it. */
    public record Route(String method, String pattern, Port port) {

        @Override
        public String toString() {
            return method + " " + pattern + " " + port;
        }
    }

    private final ListableBeanFactory beans;
    private volatile Map<Port, List<PathPattern>> patterns = Map.of(Port.PUBLIC, List.of(), Port.MANAGEMENT, List.of());
    private volatile List<Route> table = List.of();
    private volatile Set<String> unowned = Set.of();

    public PortRoutes(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<RouteClaim> claims = List.copyOf(beans.getBeansOfType(RouteClaim.class).values());
        var byPort = Map.<Port, List<PathPattern>>of(Port.PUBLIC, new ArrayList<>(), Port.MANAGEMENT, new ArrayList<>());
        var rows = new ArrayList<Route>();
        var unclaimed = new TreeSet<String>();
        for (RequestMappingInfoHandlerMapping mapping : beans.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> route : mapping.getHandlerMethods().entrySet()) {
                Port port = owner(claims, mapping, route.getValue());
                Set<PathPattern> declared = route.getKey().getPathPatternsCondition() == null ? Set.of()
                        : route.getKey().getPathPatternsCondition().getPatterns();
                for (PathPattern pattern : declared) {
                    if (port == null) {
                        unclaimed.add(pattern.getPatternString());
                        continue;
                    }
                    byPort.get(port).add(pattern);
                    for (String method : methods(route.getKey())) rows.add(new Route(method, pattern.getPatternString(), port));
                }
            }
        }
        rows.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method).thenComparing(Route::port));
        patterns = Map.of(Port.PUBLIC, List.copyOf(byPort.get(Port.PUBLIC)), Port.MANAGEMENT, List.copyOf(byPort.get(Port.MANAGEMENT)));
        table = List.copyOf(rows);
        unowned = Set.copyOf(unclaimed);
    }

    /** The one port declared for a handler, or null when none or both are. */
    private static Port owner(List<RouteClaim> claims, HandlerMapping mapping, HandlerMethod handler) {
        var ports = EnumSet.noneOf(Port.class);
        ServedOn declared = declaration(ClassUtils.getUserClass(handler.getBeanType()));
        if (declared != null) ports.add(declared.value());
        for (RouteClaim claim : claims) {
            if (claim.claims(mapping, handler)) ports.add(claim.port());
        }
        return ports.size() == 1 ? ports.iterator().next() : null;
    }

    private static ServedOn declaration(Class<?> type) {
        ServedOn own = AnnotatedElementUtils.findMergedAnnotation(type, ServedOn.class);
        if (own != null) return own;
        Package pkg = type.getPackage();
        return pkg == null ? null : pkg.getAnnotation(ServedOn.class);
    }

    private static List<String> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        if (methods.isEmpty()) return List.of("*");
        return methods.stream().map(RequestMethod::name).sorted().collect(Collectors.toList());
    }

    /** Whether a normalised, undecoded request path matches a route of that port. */
    public boolean allows(Port port, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (PathPattern pattern : patterns.get(port)) {
            if (pattern.matches(container)) return true;
        }
        return false;
    }

    /** The route patterns of one port, for tests and diagnostics. */
    public List<String> patterns(Port port) {
        return patterns.get(port).stream().map(PathPattern::getPatternString).distinct().sorted().toList();
    }

    /** Every served route (method, path pattern, port), sorted by pattern, then method. */
    public List<Route> table() {
        return table;
    }

    /** Patterns that no port claims (or both do); they are served nowhere. Empty in a correct build. */
    public Set<String> unowned() {
        return unowned;
    }
}
