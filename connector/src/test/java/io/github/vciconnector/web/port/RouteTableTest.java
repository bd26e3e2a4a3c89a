package io.github.vciconnector.web.port;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole route table of the connector (method, path pattern, port), as {@link PortRoutes} derives it from the
 * {@link ServedOn} declarations and the framework claims. A new route, or one that moves port, changes this list,
 * so it shows up in review; the table is printed for the build log.
 */
class RouteTableTest extends ConnectorIntegrationTest {

    @Autowired
    private PortRoutes routes;

    @Test
    void routeTableWhenBuiltThenEveryRouteHasTheExpectedPort() {
        String table = routes.table().stream().map(PortRoutes.Route::toString).collect(Collectors.joining("\n"));
        System.out.println("Route table (method, path, port):\n" + table);
        assertThat(routes.unowned()).isEmpty();
        assertThat(table).isEqualTo(EXPECTED);
    }

    private static final String EXPECTED = """
            GET /.well-known/oauth-authorization-server PUBLIC
            GET /.well-known/oauth-authorization-server/** PUBLIC
            GET /.well-known/openid-credential-issuer PUBLIC
            GET /.well-known/openid-credential-issuer/** PUBLIC
            GET /actuator MANAGEMENT
            GET /actuator/health MANAGEMENT
            GET /actuator/health/** MANAGEMENT
            GET /actuator/info MANAGEMENT
            GET /actuator/prometheus MANAGEMENT
            GET /authorizations/{authorizationId} MANAGEMENT
            POST /authorizations/{authorizationId}/complete MANAGEMENT
            POST /authorizations/{authorizationId}/deny MANAGEMENT
            POST /offers MANAGEMENT
            DELETE /offers/{offerId} MANAGEMENT
            GET /offers/{offerId} MANAGEMENT
            POST /offers/{offerId}/callbacks/redeliver MANAGEMENT
            GET /offers/{offerId}/qr MANAGEMENT
            POST /offers/{offerId}/revoke MANAGEMENT
            GET /oidc4vci/authorize PUBLIC
            POST /oidc4vci/credential PUBLIC
            POST /oidc4vci/nonce PUBLIC
            POST /oidc4vci/notification PUBLIC
            GET /oidc4vci/offers/{reference} PUBLIC
            POST /oidc4vci/par PUBLIC
            GET /oidc4vci/status-lists/{listId} PUBLIC
            POST /oidc4vci/token PUBLIC
            GET /oidc4vci/types/{id} PUBLIC
            GET /v3/api-docs MANAGEMENT
            GET /v3/api-docs.yaml MANAGEMENT""";
}
