package io.github.vciconnector.web.error;

import io.github.vciconnector.issuance.CredentialRequestException;
import io.github.vciconnector.issuance.NotificationRequestException;
import io.github.vciconnector.oauth.ResourceAccessException;
import io.github.vciconnector.oauth.ResourceError;
import io.github.vciconnector.oauth.TokenRequestException;
import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.github.vciconnector.web.ClientFault;
import io.github.vciconnector.web.ErrorText;
import io.github.vciconnector.web.wallet.IssuesDPoPNonce;
import io.github.vciconnector.web.wallet.WalletEndpoints;
import io.github.vciconnector.web.wallet.WalletErrorPage;
import jakarta.servlet.ServletException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ResponseEntity;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes wallet-facing errors as OAuth / OID4VCI JSON ({@code error}, {@code error_description}) with
 * {@code Cache-Control: no-store}. Token errors are 400 (EUDI-9 reads only 400 bodies); resource errors are
 * 401/403 with a {@code WWW-Authenticate: DPoP} challenge and a JSON body too (VCI-ERR-1, DPOP-6).
 */
@RestControllerAdvice(basePackageClasses = WalletEndpoints.class)
public class WalletErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(WalletErrorHandler.class);

    static final String RETRY_AFTER_SECONDS = "5";

    /** A {@code use_dpop_nonce} answer gets the nonce to retry with from {@code DPoPNonceAdvice}. */
    @IssuesDPoPNonce
    @ExceptionHandler(TokenRequestException.class)
    ResponseEntity<byte[]> token(TokenRequestException e) {
        return json(HttpStatus.BAD_REQUEST).body(body(e.error().code(), e.getMessage()));
    }

    @IssuesDPoPNonce
    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<byte[]> resource(ResourceAccessException e) {
        HttpStatus status = e.error() == ResourceError.INSUFFICIENT_SCOPE ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
        // EUDI-12 looks for the literal error="use_dpop_nonce", so the quoting here is exact.
        String description = e.getMessage() == null ? "" : ErrorText.safe(e.getMessage());
        String challenge = "DPoP error=\"" + e.error().code() + "\", error_description=\"" + description
                + "\", algs=\"ES256\"";
        return json(status).header(HttpHeaders.WWW_AUTHENTICATE, challenge).body(body(e.error().code(), e.getMessage()));
    }

    @ExceptionHandler(NotificationRequestException.class)
    ResponseEntity<byte[]> notification(NotificationRequestException e) {
        return json(HttpStatus.BAD_REQUEST).body(body(e.error().code(), e.getMessage()));
    }

    @ExceptionHandler(CredentialRequestException.class)
    ResponseEntity<byte[]> credential(CredentialRequestException e) {
        return json(HttpStatus.BAD_REQUEST).body(body(e.error().code(), e.getMessage()));
    }

    /**
     * The shared session store is away (RFC 6749 §4.1.2.1 code). Usually nothing was decided and the wallet may
     * retry; if the store failed between two steps of one request (a code redeemed, its token not yet stored), the
     * retry fails with invalid_grant and the offer expires, because single-use values are never handed out twice.
     */
    @ExceptionHandler(SessionStoreUnavailableException.class)
    ResponseEntity<byte[]> unavailable(SessionStoreUnavailableException e) {
        log.warn("wallet request refused: {}", e.getMessage());
        return json(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(body("temporarily_unavailable", "the issuer is temporarily unavailable, retry later"));
    }

    /**
     * Spring MVC's own refusals once an endpoint is chosen (406 for an Accept no endpoint can serve, a missing
     * parameter, a 404 an endpoint raises): their status, in the OAuth shape, without the exception's text, which
     * may echo request headers.
     */
    @ExceptionHandler({ServletException.class, ErrorResponseException.class})
    ResponseEntity<byte[]> spring(Exception e) {
        HttpStatus status = e instanceof ErrorResponse ? HttpStatus.resolve(((ErrorResponse) e).getStatusCode().value()) : null;
        if (status == null || !status.is4xxClientError()) return unexpected(e);
        String error = status == HttpStatus.NOT_FOUND ? "not_found" : "invalid_request";
        return json(status).body(body(error, status.getReasonPhrase().toLowerCase(Locale.ROOT)));
    }

    /** An Accept or Content-Type header that does not parse, or lists more media types than Spring sorts (50). */
    @ExceptionHandler({InvalidMimeTypeException.class, InvalidMediaTypeException.class})
    ResponseEntity<byte[]> mediaType(IllegalArgumentException e) {
        return json(HttpStatus.BAD_REQUEST).body(body("invalid_request", "malformed media type header"));
    }

    /**
     * The request body could not be read: bad chunk framing, or the wallet went away. Neither is a server error,
     * so it is logged without a stack trace, and the answer (if the wallet still listens) is a 400.
     */
    @ExceptionHandler(IOException.class)
    ResponseEntity<byte[]> unreadableStream(IOException e) {
        if (!ClientFault.isClientFault(e)) return unexpected(e);
        log.info("wallet request body could not be read ({})", e.getClass().getSimpleName());
        return json(HttpStatus.BAD_REQUEST).body(body("invalid_request", "request body could not be read"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e) {
        String requestId = UUID.randomUUID().toString();
        log.error("unexpected error on a wallet request, request id {}", requestId, e);
        return json(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(body("server_error", "internal error, request id " + requestId));
    }

    /** Status and headers of the wallet port's errors, from the port's one error writer. */
    private static ResponseEntity.BodyBuilder json(HttpStatus status) {
        return WalletErrorPage.json(status);
    }

    /** The body as bytes from the port's one error writer (Nimbus, like every other wallet response). */
    private static byte[] body(String error, String description) {
        return WalletErrorPage.bytes(error, description);
    }
}
