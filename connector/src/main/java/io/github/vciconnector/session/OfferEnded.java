package io.github.vciconnector.session;


import java.time.Instant;

/** Published when an offer ends without issuance (FAILED, EXPIRED, CANCELLED); {@code reason} holds no personal data. */
public record OfferEnded(String offerId, OfferStatus status, String reason, Instant at) {
}
