package io.github.vciconnector.web.port;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each port's allow-list of path patterns (L-1), read once from every request mapping of the context (controllers,
 * actuator and springdoc endpoints) and the {@link RouteClaim}s of the two ports. A route no port claims, or both
 * claim, is served on neither: isolation fails closed.
 */
public final class PortRoutes implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;
    private volatile List<PathPattern> management = List.of();
    private volatile List<PathPattern> wallet = List.of();
    private volatile Set<String> unowned = Set.of();

    public PortRoutes(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<RouteClaim> claims = List.copyOf(beans.getBeansOfType(RouteClaim.class).values());
        var managementPatterns = new ArrayList<PathPattern>();
        var walletPatterns = new ArrayList<PathPattern>();
        var unclaimed = new TreeSet<String>();
        for (RequestMappingInfoHandlerMapping mapping : beans.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> route : mapping.getHandlerMethods().entrySet()) {
                Boolean toManagement = owner(claims, mapping, route.getValue());
                Set<PathPattern> patterns = route.getKey().getPathPatternsCondition() == null ? Set.of()
                        : route.getKey().getPathPatternsCondition().getPatterns();
                for (PathPattern pattern : patterns) {
                    if (toManagement == null) unclaimed.add(pattern.getPatternString());
                    else (toManagement ? managementPatterns : walletPatterns).add(pattern);
                }
            }
        }
        management = List.copyOf(managementPatterns);
        wallet = List.copyOf(walletPatterns);
        unowned = Set.copyOf(unclaimed);
    }

    /** True for the management port, false for the wallet port, null when no port or both claim the route. */
    private static Boolean owner(List<RouteClaim> claims, HandlerMapping mapping, HandlerMethod handler) {
        Boolean owner = null;
        for (RouteClaim claim : claims) {
            if (!claim.claims(mapping, handler)) continue;
            if (owner != null && owner != claim.forManagementPort()) return null;
            owner = claim.forManagementPort();
        }
        return owner;
    }

    /** Whether a normalised, undecoded request path matches a route of that port. */
    public boolean allows(boolean managementPort, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (PathPattern pattern : managementPort ? management : wallet) {
            if (pattern.matches(container)) return true;
        }
        return false;
    }

    /** The route patterns of one port, for tests and diagnostics. */
    public List<String> patterns(boolean managementPort) {
        return (managementPort ? management : wallet).stream().map(PathPattern::getPatternString).sorted().toList();
    }

    /** Patterns that no port claims (or both do); they are served nowhere. Empty in a correct build. */
    public Set<String> unowned() {
        return unowned;
    }
}
