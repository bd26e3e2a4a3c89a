package io.github.vciconnector.web.port;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;

/**
 * Tomcat's error report for requests it refuses before Spring runs (bad header names or values, too many or too
 * large headers, an encoded slash in the path, bad chunk framing, an odd HTTP version, a missing Host): the error
 * page of the port the request arrived on instead of Tomcat's HTML page. Errors Spring already answered have a body
 * and are left alone.
 */
final class PortErrorReportValve extends ErrorReportValve {

    private final PortErrorPages pages;

    PortErrorReportValve(PortErrorPages pages) {
        this.pages = pages;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || response.isCommitted()) return;
        HttpStatus status = HttpStatus.resolve(code);
        // 501 (a Transfer-Encoding Tomcat does not implement) and 505 (an HTTP version it does not speak) judge the
        // client's request, not the server: both ports promise a 4xx for every refused request.
        if (status == null || (throwable == null && (code == 501 || code == 505))) status = HttpStatus.BAD_REQUEST;
        try {
            response.reset();
            pages.write(request, response, status);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be reset: nothing more can be said to it
        }
    }
}
