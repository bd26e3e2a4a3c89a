package io.github.vciconnector.web.port;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.util.List;

/**
 * The one place that picks the error page of a request's arrival port: the error dispatch filter, the filter for
 * bodyless errors and Tomcat's error report valve all write through it.
 */
final class PortErrorPages {

    private final ArrivalPort arrivalPort;
    private final ErrorPage management;
    private final ErrorPage wallet;

    PortErrorPages(ArrivalPort arrivalPort, List<ErrorPage> pages) {
        this.arrivalPort = arrivalPort;
        this.management = pages.stream().filter(page -> page.port() == Port.MANAGEMENT).findFirst().orElseThrow();
        this.wallet = pages.stream().filter(page -> page.port() == Port.PUBLIC).findFirst().orElseThrow();
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
        // Tomcat's valve calls for requests refused before port isolation stored the port: ArrivalPort decides then
        (arrivalPort.of(request) == Port.MANAGEMENT ? management : wallet).write(request, response, status);
    }
}
