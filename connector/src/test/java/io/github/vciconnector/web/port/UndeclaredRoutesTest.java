package io.github.vciconnector.web.port;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.github.vciconnector.support.ErrorShapes.assertProblem;
import static io.github.vciconnector.support.ErrorShapes.assertWalletError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 point 4: a route is served on the port its controller declares and nowhere else, whatever its path. A new
 * management controller outside {@code /offers} is not served on the public port, and a controller that declares no
 * port is served on neither (isolation fails closed).
 */
@Import({UndeclaredRoutesTest.ReportController.class, UndeclaredRoutesTest.UndeclaredController.class})
class UndeclaredRoutesTest extends ConnectorIntegrationTest {

    /** A management controller with a path no existing management route starts with. */
    @RestController
    @ServedOn(Port.MANAGEMENT)
    static class ReportController {
        @GetMapping("/reports/daily")
        String daily() {
            return "report";
        }
    }

    /** A controller outside both endpoint packages that declares no port. */
    @RestController
    static class UndeclaredController {
        @GetMapping("/undeclared")
        String undeclared() {
            return "served";
        }
    }

    @Autowired
    private PortRoutes routes;

    @Test
    void newManagementControllerOutsideOffersWhenCalledOnPublicPortThenNotFoundInWalletShape() throws Exception {
        var management = HTTP.send(HttpRequest.newBuilder(managementUri("/reports/daily")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(management.statusCode()).isEqualTo(200);
        assertThat(management.body()).isEqualTo("report");

        var wallet = HTTP.send(HttpRequest.newBuilder(publicUri("/reports/daily")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wallet.statusCode()).isEqualTo(404);
        assertWalletError(wallet.statusCode(), wallet.headers().firstValue("Content-Type").orElse(""), wallet.body());
        assertThat(routes.table()).contains(new PortRoutes.Route("GET", "/reports/daily", Port.MANAGEMENT))
                .noneMatch(route -> route.pattern().equals("/reports/daily") && route.port() == Port.PUBLIC);
    }

    @Test
    void controllerDeclaringNoPortWhenCalledOnEitherPortThenNotFound() throws Exception {
        var wallet = HTTP.send(HttpRequest.newBuilder(publicUri("/undeclared")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wallet.statusCode()).isEqualTo(404);
        assertWalletError(wallet.statusCode(), wallet.headers().firstValue("Content-Type").orElse(""), wallet.body());
        var management = HTTP.send(HttpRequest.newBuilder(managementUri("/undeclared")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(management.statusCode()).isEqualTo(404);
        assertProblem(management.statusCode(), management.headers().firstValue("Content-Type").orElse(""), management.body());
        assertThat(routes.unowned()).containsExactly("/undeclared");
        assertThat(routes.table()).noneMatch(route -> route.pattern().equals("/undeclared"));
    }
}
