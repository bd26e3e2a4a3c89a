package io.github.vciconnector.web.port;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Gives an error answered without a body (an actuator 404 for an unknown health component, any
 * {@code ResponseEntity.status(4xx).build()}) the error page of its port, so no error of either port is empty.
 * Errors sent with {@code sendError} are left to the error dispatch ({@link ErrorPageFilter}); HEAD has no body.
 */
final class ErrorBodyFilter extends OncePerRequestFilter {

    private final PortErrorPages pages;

    ErrorBodyFilter(PortErrorPages pages) {
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var tracked = new BodyTracking(response);
        chain.doFilter(request, tracked);
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (tracked.bodyless() && status != null && status.isError() && !response.isCommitted()
                && !"HEAD".equals(request.getMethod())) {
            response.setContentLengthLong(-1);
            pages.write(request, response, status);
        }
    }

    /** Notes whether a body or an error dispatch was started, and keeps an empty answer uncommitted until then. */
    private static final class BodyTracking extends HttpServletResponseWrapper {

        private boolean touched;

        BodyTracking(HttpServletResponse response) {
            super(response);
        }

        boolean bodyless() {
            return !touched;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            touched = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            touched = true;
            return super.getWriter();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            touched = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            touched = true;
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            touched = true;
            super.sendRedirect(location);
        }

        @Override
        public void flushBuffer() throws IOException {
            if (touched) super.flushBuffer(); // Spring flushes bodyless entities; that would commit an empty error
        }
    }
}
