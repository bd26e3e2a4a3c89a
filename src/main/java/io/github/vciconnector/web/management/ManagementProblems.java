package io.github.vciconnector.web.management;

import io.github.vciconnector.web.ErrorText;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;

/**
 * RFC 9457 problem details of the management API: one {@code type} URI per problem, short ASCII details, an
 * optional {@code field} naming the offending input. Also written by the filters, which run outside Spring MVC.
 */
public final class ManagementProblems {

    public static final String TYPE_BASE = "https://github.com/vciconnector/issuer-connector/problems/";

    private ManagementProblems() {
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
}
