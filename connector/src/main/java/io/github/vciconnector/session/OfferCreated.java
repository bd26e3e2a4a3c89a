package io.github.vciconnector.session;

import java.time.Instant;

/** Published when an offer was stored; drives the OFFER_CREATED callback. */
public record OfferCreated(String offerId, Instant at) {
}
