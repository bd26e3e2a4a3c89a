package io.github.vciconnector.status;

import java.time.Instant;

/**
 * One rendered Status List Token and its JSON form, ready to serve byte for byte until the list changes or the
 * token is half-way to its {@code exp}.
 *
 * @param jwt     the compact JWS ({@code application/statuslist+jwt}, TSL-5)
 * @param json    the status list object alone, {@code {"bits","lst"}} ({@code application/statuslist+json})
 * @param etag    an entity tag naming this rendering (list version and {@code iat})
 * @param version the list version it shows
 */
public record StatusListToken(byte[] jwt, byte[] json, String etag, long version, Instant issuedAt, Instant expiresAt) {

    /** True once half the token's lifetime has passed: time to render a fresh one, even without a change. */
    boolean stale(Instant now) {
        return !now.isBefore(issuedAt.plus(java.time.Duration.between(issuedAt, expiresAt).dividedBy(2)));
    }
}
