package io.github.vciconnector.session;

/**
 * Where an authorization of the authorization code flow is (DESIGN §10). Each step is single use, because each is a
 * compare-and-set from the one before: a request_uri is used once (PUSHED → PENDING), the backend decides once
 * (PENDING → COMPLETED or DENIED), a code is redeemed once (COMPLETED → REDEEMED).
 */
public enum AuthorizationStatus {
    /** After PAR (RFC 9126): the request_uri may be used once at the authorization endpoint. */
    PUSHED,
    /** The browser was sent to the backend's login page; waiting for complete or deny. */
    PENDING,
    /** The backend completed it: the authorization code may be redeemed once. */
    COMPLETED,
    /** The backend denied it; the wallet got {@code access_denied}. */
    DENIED,
    /** The code was exchanged for an access token; a second exchange is a replay (RFC 6749 §4.1.2). */
    REDEEMED
}
