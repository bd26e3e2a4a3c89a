package io.github.vciconnector.demo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step of the issuance flow failed. For HTTP failures it carries the status, the OAuth {@code error} and
 * {@code error_description} of the JSON body and the {@code WWW-Authenticate} header, so that tests can assert them;
 * for local failures (bad offer, metadata mismatch, bad signature) {@link #status()} is 0.
 */
public final class WalletException extends RuntimeException {

    private final int status;
    private final String error;
    private final String errorDescription;
    private final String wwwAuthenticate;

    /** A local failure, not caused by an HTTP error response. */
    public WalletException(String message) {
        this(message, null);
    }

    public WalletException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.error = null;
        this.errorDescription = null;
        this.wwwAuthenticate = null;
    }

    /** An HTTP error response; any of the strings may be null. */
    public WalletException(String step, int status, String error, String errorDescription, String wwwAuthenticate) {
        super(step + " failed: HTTP " + status + (error == null ? "" : " " + error)
                + (errorDescription == null ? "" : " (" + errorDescription + ")"));
        this.status = status;
        this.error = error;
        this.errorDescription = errorDescription;
        this.wwwAuthenticate = wwwAuthenticate;
    }

    /** The HTTP status of the error response, or 0 for a local failure. */
    public int status() {
        return status;
    }

    /** The {@code error} member of the JSON error body, or null. */
    public String error() {
        return error;
    }

    /** The {@code error_description} member of the JSON error body, or null. */
    public String errorDescription() {
        return errorDescription;
    }

    /** The raw {@code WWW-Authenticate} response header, or null. */
    public String wwwAuthenticate() {
        return wwwAuthenticate;
    }

    /** A quoted parameter of the {@code WWW-Authenticate} header, e.g. {@code error} or {@code algs}. */
    public Optional<String> wwwAuthenticateParameter(String name) {
        if (wwwAuthenticate == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("(?:^|[\\s,])" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(wwwAuthenticate);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
