package io.github.vciconnector.web;

import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.BadRequestException;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * Tells an I/O failure the client caused (a body that breaks off, bad chunk framing, a client that went away or
 * stalled) from one of the server's own. Only the first kind is a 4xx logged in one line; the second stays a server
 * error with a stack trace, so a real fault is never hidden as the client's.
 */
public final class ClientFault {

    private ClientFault() {
    }

    public static boolean isClientFault(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientAbortException || t instanceof BadRequestException || t instanceof EOFException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
