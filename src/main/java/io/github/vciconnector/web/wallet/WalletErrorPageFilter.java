package io.github.vciconnector.web.wallet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * Answers error dispatches on the public port (a path no route owns, a method no route takes, the port isolation
 * 404, an exception escaping a filter) with the OAuth error shape {@code {"error", "error_description"}} and
 * {@code Cache-Control: no-store} instead of Spring Boot's error page: wallets parse every error body (EUDI-12).
 */
final class WalletErrorPageFilter extends OncePerRequestFilter {

    private final IntSupplier managementPort;

    WalletErrorPageFilter(IntSupplier managementPort) {
        this.managementPort = managementPort;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR || request.getLocalPort() == managementPort.getAsInt()) {
            chain.doFilter(request, response);
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer ? HttpStatus.resolve((Integer) code) : null;
        if (status == null || !status.isError()) status = HttpStatus.INTERNAL_SERVER_ERROR;
        String error = status == HttpStatus.NOT_FOUND ? "not_found"
                : status.is5xxServerError() ? "server_error" : "invalid_request";
        String description = status.is5xxServerError() ? "internal error" : status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        response.setStatus(status.value());
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
