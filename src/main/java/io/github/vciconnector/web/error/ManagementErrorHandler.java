package io.github.vciconnector.web.error;

import io.github.vciconnector.offer.OfferError;
import io.github.vciconnector.offer.OfferException;
import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.github.vciconnector.web.management.ManagementApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.UUID;

/** Writes management API errors as RFC 9457 problem details, with a {@code type} per problem and no internals. */
@RestControllerAdvice(basePackageClasses = ManagementApi.class)
public class ManagementErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ManagementErrorHandler.class);
    static final String TYPE_BASE = "https://github.com/vciconnector/issuer-connector/problems/";

    @ExceptionHandler(OfferException.class)
    ResponseEntity<ProblemDetail> offer(OfferException e) {
        HttpStatus status = e.error() == OfferError.OFFER_NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = problem(status, e.error().code(), e.getMessage());
        if (e.field() != null) problem.setProperty("field", e.field());
        return respond(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed-body", "request body is not valid JSON of the expected shape"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "send application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "this resource cannot be produced in the requested media type"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "method not allowed on this resource"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "no such resource"));
    }

    @ExceptionHandler(SessionStoreUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(SessionStoreUnavailableException e) {
        log.warn("management request refused: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "session-store-unavailable",
                "the session store is temporarily unavailable, retry later");
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, WalletErrorHandler.RETRY_AFTER_SECONDS).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String requestId = UUID.randomUUID().toString();
        log.error("unexpected error on a management request, request id {}", requestId, e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "internal error, request id " + requestId));
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
