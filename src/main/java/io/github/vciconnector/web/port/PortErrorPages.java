package io.github.vciconnector.web.port;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The one place that picks the error page of a request's arrival port: the error dispatch filter, the filter for
 * bodyless errors and Tomcat's error report valve all write through it.
 */
final class PortErrorPages {

    private final IntSupplier managementPort;
    private final ErrorPage management;
    private final ErrorPage wallet;

    PortErrorPages(IntSupplier managementPort, List<ErrorPage> pages) {
        this.managementPort = managementPort;
        this.management = pages.stream().filter(ErrorPage::forManagementPort).findFirst().orElseThrow();
        this.wallet = pages.stream().filter(page -> !page.forManagementPort()).findFirst().orElseThrow();
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
        // getLocalPort() is the socket; getServerPort() is the client's Host header
        (request.getLocalPort() == managementPort.getAsInt() ? management : wallet).write(request, response, status);
    }
}
