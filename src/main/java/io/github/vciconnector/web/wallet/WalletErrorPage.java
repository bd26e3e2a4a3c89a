package io.github.vciconnector.web.wallet;

import io.github.vciconnector.web.port.ErrorPage;
import io.github.vciconnector.web.port.Port;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The wallet port's error page: the OAuth error shape {@code {"error", "error_description"}} with
 * {@code Cache-Control: no-store}, since wallets parse every error body (EUDI-12).
 */
final class WalletErrorPage implements ErrorPage {

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
        response.getOutputStream().write(("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
