package io.github.vciconnector.web.management;

import io.github.vciconnector.web.ErrorText;
import io.github.vciconnector.web.port.ErrorPage;
import io.github.vciconnector.web.port.Port;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * The one writer of the management port's error bodies: RFC 9457 problem details with one {@code type} URI per
 * problem, short ASCII details, an optional {@code field} naming the offending input (DESIGN §4). The controllers'
 * advice answers with {@link #respond}; the filters, which run outside Spring MVC, with {@link #write}; error
 * dispatches, bodyless errors and Tomcat's refusals come here through {@code PortErrorPages} (this port's
 * {@link ErrorPage}).
 */
public final class ManagementProblems implements ErrorPage {

    public static final String TYPE_BASE = "https://github.com/vciconnector/issuer-connector/problems/";

    private final JsonMapper json;

    ManagementProblems(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ErrorText.safe(detail));
        problem.setType(URI.create(TYPE_BASE + type));
        return problem;
    }

    public static ProblemDetail problem(HttpStatus status, String type, String detail, String field) {
        ProblemDetail problem = problem(status, type, detail);
        if (field != null) problem.setProperty("field", ErrorText.safe(field));
        return problem;
    }

    /** A problem as the answer of a controller or its advice. */
    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore()).body(problem);
    }

    /** Writes a problem straight to a servlet response, for filters and error dispatches. */
    static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) body.putAll(problem.getProperties());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    @Override
    public Port port() {
        return Port.MANAGEMENT;
    }

    /** The error page of a status no controller answered: a problem with a type per status. */
    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof BodyTooLargeException) {
            status = HttpStatus.CONTENT_TOO_LARGE;
        }
        write(response, json, problem(status, type(status), detail(status)));
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
