package io.github.vciconnector.web.port;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

import java.io.IOException;

/** How one port answers an error dispatch: problem+json on the management port, the OAuth error shape on the wallet port. */
public interface ErrorPage {

    /** The port whose errors this page writes. */
    Port port();

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException;
}
