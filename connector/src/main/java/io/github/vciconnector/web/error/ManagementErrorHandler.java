package io.github.vciconnector.web.error;

import io.github.vciconnector.offer.OfferException;
import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.github.vciconnector.web.ClientFault;
import io.github.vciconnector.web.management.BodyTooLargeException;
import io.github.vciconnector.web.management.InvalidParameterException;
import io.github.vciconnector.web.management.ManagementApi;
import io.github.vciconnector.web.management.ManagementProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.util.UUID;

/**
 * Writes management API errors as RFC 9457 problem details, with a {@code type} per problem, a {@code field} naming
 * the offending input where there is one, and no internals. Errors outside the controllers (unknown paths, filters)
 * get the same shape from the management filters.
 */
@RestControllerAdvice(basePackageClasses = ManagementApi.class)
public class ManagementErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ManagementErrorHandler.class);

    @ExceptionHandler(OfferException.class)
    ResponseEntity<ProblemDetail> offer(OfferException e) {
        HttpStatus status;
        switch (e.error()) {
            case OFFER_NOT_FOUND: case AUTHORIZATION_NOT_FOUND: status = HttpStatus.NOT_FOUND; break;
            case OFFER_ENDED: case IDEMPOTENCY_KEY_REUSED: case IDEMPOTENCY_KEY_IN_PROGRESS: case AUTHORIZATION_DECIDED: status = HttpStatus.CONFLICT; break;
            case AUTHORIZATION_EXPIRED: status = HttpStatus.GONE; break;
            default: status = HttpStatus.BAD_REQUEST;
        }
        return respond(ManagementProblems.problem(status, e.error().code(), e.getMessage(), e.field()));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> parameter(InvalidParameterException e) {
        return respond(ManagementProblems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage(), e.field()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e) {
        return respond(ManagementProblems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                e.getName() + " has the wrong type", e.getName()));
    }

    /** Tomcat refuses malformed percent-encoding in a query string or form body; its message echoes the input. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> malformedParameters(RuntimeException e) {
        return respond(ManagementProblems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "query string or form body is not valid percent-encoding"));
    }

    /**
     * The request body could not be read: bad chunk framing, or the client went away. Neither is a server error,
     * so it is logged without a stack trace, and the answer (if the client still listens) is a 400.
     */
    @ExceptionHandler(IOException.class)
    ResponseEntity<ProblemDetail> unreadableStream(IOException e) {
        BodyTooLargeException tooLarge = causedBy(e, BodyTooLargeException.class);
        if (tooLarge != null) return tooLarge(tooLarge);
        if (!ClientFault.isClientFault(e)) return unexpected(e);
        log.info("management request body could not be read ({})", e.getClass().getSimpleName());
        return respond(ManagementProblems.problem(HttpStatus.BAD_REQUEST, "malformed-body", "request body could not be read"));
    }

    @ExceptionHandler(MissingRequestValueException.class)
    ResponseEntity<ProblemDetail> missing(MissingRequestValueException e) {
        return respond(ManagementProblems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "a required value is missing"));
    }

    /** Jackson names the path to the failing value; that path, in wire names, becomes {@code field}. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (causedBy(e, BodyTooLargeException.class) != null) return tooLarge(causedBy(e, BodyTooLargeException.class));
        JacksonException jackson = causedBy(e, JacksonException.class);
        String field = jackson == null ? null : path(jackson);
        if (jackson instanceof UnrecognizedPropertyException) {
            return respond(ManagementProblems.problem(HttpStatus.BAD_REQUEST, "unknown-field",
                    "field " + field + " is not part of this request", field));
        }
        if (jackson instanceof StreamReadException) {
            // Not JSON at all, truncated, or an object with a repeated name (RFC 8259 §4 leaves those undefined).
            return respond(ManagementProblems.problem(HttpStatus.BAD_REQUEST, "malformed-body",
                    "request body is not a valid JSON object" + (field == null ? "" : ", see " + field), field));
        }
        if (field != null) {
            return respond(ManagementProblems.problem(HttpStatus.BAD_REQUEST, "invalid-field",
                    "field " + field + " has the wrong JSON type", field));
        }
        return respond(ManagementProblems.problem(HttpStatus.BAD_REQUEST, "malformed-body", "request body is not a valid JSON object"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ManagementProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "send application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(ManagementProblems.problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "this resource cannot be produced in the requested media type"));
    }

    @ExceptionHandler(SessionStoreUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(SessionStoreUnavailableException e) {
        log.warn("management request refused: {}", e.getMessage());
        ProblemDetail problem = ManagementProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "session-store-unavailable",
                "the session store is temporarily unavailable, retry later");
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, WalletErrorHandler.RETRY_AFTER_SECONDS).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        BodyTooLargeException tooLarge = causedBy(e, BodyTooLargeException.class);
        if (tooLarge != null) return tooLarge(tooLarge);
        String requestId = UUID.randomUUID().toString();
        log.error("unexpected error on a management request, request id {}", requestId, e);
        return respond(ManagementProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "internal error, request id " + requestId));
    }

    private static ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        // The unread rest of the body is not worth reading: close the connection after answering.
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header("Connection", "close")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).cacheControl(CacheControl.noStore())
                .body(ManagementProblems.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", e.getMessage()));
    }

    private static String path(JacksonException e) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    private static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ManagementProblems.respond(problem);
    }
}
