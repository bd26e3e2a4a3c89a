package io.github.vciconnector.session;

/**
 * Thrown by a store port when its shared engine (Redis) cannot be reached or did not answer in time.
 * Nothing was decided: the web layer answers 503 with {@code Retry-After}, and the caller may retry later.
 */
public final class SessionStoreUnavailableException extends RuntimeException {

    public SessionStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
