package io.github.vciconnector.web.wallet;

import io.github.vciconnector.web.ErrorText;
import io.github.vciconnector.web.port.ErrorPage;
import io.github.vciconnector.web.port.Port;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one writer of the wallet port's error bodies: the OAuth error shape {@code {"error", "error_description"}}
 * with {@code Cache-Control: no-store}, since wallets parse every error body (EUDI-12). {@code WalletErrorHandler}
 * (errors of an endpoint) answers with {@link #json} and {@link #bytes}; error dispatches, bodyless errors and
 * Tomcat's refusals come here through {@code PortErrorPages} ({@link #write}).
 */
public final class WalletErrorPage implements ErrorPage {

    WalletErrorPage() {
    }

    /** The error body: {@code error}, then {@code error_description} (within the RFC 6749 §5.2 character set). */
    public static Map<String, Object> body(String error, String description) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        if (description != null) body.put("error_description", ErrorText.safe(description));
        return body;
    }

    /**
     * The error body as UTF-8 bytes, written by Nimbus {@code JSONObjectUtils} like every other wallet response (one
     * JSON stack per direction); the texts are ASCII by {@link ErrorText}, so no character needs escaping choices.
     */
    public static byte[] bytes(String error, String description) {
        return WalletJson.bytes(body(error, description));
    }

    /**
     * An error answer's status and headers. The content type is set here rather than negotiated: an error must reach
     * a wallet whose Accept excludes JSON (a preset type skips the Accept check), since an empty 406 or 500 would
     * hide the real refusal.
     */
    public static ResponseEntity.BodyBuilder json(HttpStatus status) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON);
    }

    @Override
    public Port port() {
        return Port.PUBLIC;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
        String error = status == HttpStatus.NOT_FOUND ? "not_found" : status.is5xxServerError() ? "server_error" : "invalid_request";
        String description = status.is5xxServerError() ? "internal error" : status.getReasonPhrase().toLowerCase(Locale.ROOT);
        response.setStatus(status.value());
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(bytes(error, description));
    }
}
