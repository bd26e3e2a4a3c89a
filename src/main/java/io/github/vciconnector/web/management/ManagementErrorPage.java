package io.github.vciconnector.web.management;

import io.github.vciconnector.web.port.ErrorPage;
import io.github.vciconnector.web.port.Port;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Locale;

/** The management port's error page: problem+json with a type per problem (DESIGN §4). */
final class ManagementErrorPage implements ErrorPage {

    private final JsonMapper json;

    ManagementErrorPage(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Port port() {
        return Port.MANAGEMENT;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
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
        return status.is5xxServerError() ? "internal error" : status.getReasonPhrase().toLowerCase(Locale.ROOT);
    }
}
