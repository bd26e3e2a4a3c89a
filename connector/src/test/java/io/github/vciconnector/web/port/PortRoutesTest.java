package io.github.vciconnector.web.port;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.github.vciconnector.support.ErrorShapes.assertProblem;
import static io.github.vciconnector.support.ErrorShapes.assertWalletError;
import static org.assertj.core.api.Assertions.assertThat;

/** L-1: each port's allow-list comes from the route declarations, and every declared route has exactly one port. */
class PortRoutesTest extends ConnectorIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private PortRoutes routes;

    @Test
    void everyMappedRouteBelongsToExactlyOnePort() {
        var mapped = new ArrayList<String>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> info.getPathPatternsCondition().getPatterns()
                    .forEach(pattern -> mapped.add(pattern.getPatternString())));
        }
        assertThat(routes.unowned()).isEmpty();
        List<String> management = routes.patterns(Port.MANAGEMENT);
        List<String> wallet = routes.patterns(Port.PUBLIC);
        assertThat(mapped).isNotEmpty().allSatisfy(pattern ->
                assertThat(management.contains(pattern) ^ wallet.contains(pattern)).as("exactly one port serves %s", pattern).isTrue());
        assertThat(management).contains("/offers", "/offers/{offerId}", "/actuator/health", "/actuator/prometheus", "/v3/api-docs")
                .noneMatch(pattern -> pattern.startsWith("/oidc4vci") || pattern.startsWith("/.well-known"));
        assertThat(wallet).contains("/oidc4vci/token", "/oidc4vci/credential", "/.well-known/openid-credential-issuer")
                .noneMatch(pattern -> pattern.startsWith("/offers") || pattern.startsWith("/actuator") || pattern.startsWith("/v3"));
        assertThat(mapped).doesNotContain("/error");  // Spring Boot's error controller is not mapped at all
    }

    @Test
    void unknownPathWhenCalledOnEachPortThenNotFoundInPortShape() throws Exception {
        for (String path : new String[]{"/nothing-here", "/offersx", "/actuatorx/health", "/v3/api-docsx", "/static/x.css", "/favicon.ico"}) {
            var wallet = HTTP.send(HttpRequest.newBuilder(publicUri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wallet.statusCode()).as(path).isEqualTo(404);
            assertWalletError(wallet.statusCode(), wallet.headers().firstValue("Content-Type").orElse(""), wallet.body());
            var management = HTTP.send(HttpRequest.newBuilder(managementUri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(management.statusCode()).as(path).isEqualTo(404);
            assertProblem(management.statusCode(), management.headers().firstValue("Content-Type").orElse(""), management.body());
        }
    }

    @Test
    void allowListWhenPathMatchesNoDeclaredRouteThenRefused() {
        assertThat(routes.allows(Port.PUBLIC, "/oidc4vci/token")).isTrue();
        assertThat(routes.allows(Port.MANAGEMENT, "/oidc4vci/token")).isFalse();
        assertThat(routes.allows(Port.MANAGEMENT, "/offers/abc/qr")).isTrue();
        assertThat(routes.allows(Port.PUBLIC, "/offers/abc/qr")).isFalse();
        assertThat(routes.allows(Port.PUBLIC, "/v3/api-docs.yaml")).isFalse();
        assertThat(routes.allows(Port.MANAGEMENT, "/v3/api-docs.yaml")).isTrue();
        assertThat(routes.allows(Port.PUBLIC, "/error")).isFalse();
        assertThat(routes.allows(Port.MANAGEMENT, "/error")).isFalse();
    }

}
