package io.github.vciconnector.web.management;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.function.IntSupplier;

/**
 * Answers error dispatches on the management port (a path no route owns, a method or media type no route takes, the
 * port isolation 404, an exception escaping a filter) with problem+json instead of Spring Boot's error page, so
 * every management error has one shape (DESIGN §4). Never includes the exception.
 */
final class ManagementErrorPageFilter extends OncePerRequestFilter {

    private final IntSupplier managementPort;
    private final JsonMapper json;

    ManagementErrorPageFilter(IntSupplier managementPort, JsonMapper json) {
        this.managementPort = managementPort;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR || request.getLocalPort() != managementPort.getAsInt()) {
            chain.doFilter(request, response);
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer ? HttpStatus.resolve((Integer) code) : null;
        if (status == null || !status.isError()) status = HttpStatus.INTERNAL_SERVER_ERROR;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof BodyTooLargeException) {
            status = HttpStatus.CONTENT_TOO_LARGE;
        }
        ManagementProblems.write(response, json, ManagementProblems.problem(status, type(status), detail(status)));
    }

    private static String type(HttpStatus status) {
        switch (status) {
            case NOT_FOUND: return "not-found";
            case METHOD_NOT_ALLOWED: return "method-not-allowed";
            case NOT_ACCEPTABLE: return "not-acceptable";
            case UNSUPPORTED_MEDIA_TYPE: return "unsupported-media-type";
            case CONTENT_TOO_LARGE: return "body-too-large";
            case UNAUTHORIZED: return "unauthorized";
            default: return status.is4xxClientError() ? "bad-request" : "internal-error";
        }
    }

    private static String detail(HttpStatus status) {
        return status.is5xxServerError() ? "internal error" : status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
    }
}
