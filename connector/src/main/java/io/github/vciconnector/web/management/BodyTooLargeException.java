package io.github.vciconnector.web.management;

import java.io.IOException;

/** Thrown while a management request body is read once it passes the configured maximum; answered with 413. */
public final class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long maxBytes) {
        super("request body exceeds " + maxBytes + " bytes");
    }
}
