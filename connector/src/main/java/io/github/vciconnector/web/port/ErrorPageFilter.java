package io.github.vciconnector.web.port;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers error dispatches (a path no route owns, a method or media type no route takes, the port isolation 404, an
 * exception escaping a filter) with the error page of the port the request arrived on, instead of Spring Boot's
 * error page: every error of a port has that port's shape. Never includes the exception.
 */
final class ErrorPageFilter extends OncePerRequestFilter {

    private final PortErrorPages pages;

    ErrorPageFilter(PortErrorPages pages) {
        this.pages = pages;
    }

    /**
     * Input that filters or actuator endpoints refuse by throwing (malformed percent-encoding in a query string or
     * form body, a body Spring cannot read, a media type that does not parse): the client's error, not the server's.
     */
    static boolean isClientInput(Object exception) {
        for (Throwable t = exception instanceof Throwable ? (Throwable) exception : null; t != null; t = t.getCause()) {
            if (t instanceof org.apache.tomcat.util.http.InvalidParameterException || t instanceof HttpMessageNotReadableException
                    || t instanceof InvalidMimeTypeException || t instanceof InvalidMediaTypeException
                    || t instanceof org.apache.coyote.BadRequestException) return true;
            if (t.getCause() == t) return false;
        }
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            chain.doFilter(request, response);
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer ? HttpStatus.resolve((Integer) code) : null;
        if (status == null || !status.isError()) status = HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError() && isClientInput(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            status = HttpStatus.BAD_REQUEST;
        }
        pages.write(request, response, status);
    }
}
