package io.github.vciconnector.offer;

/** A refused management request; {@code field} names the offending JSON field (or null). Never holds claim values. */
public final class OfferException extends RuntimeException {

    private final OfferError error;
    private final String field;

    public OfferException(OfferError error, String field, String description) {
        super(description);
        this.error = error;
        this.field = field;
    }

    public OfferError error() {
        return error;
    }

    public String field() {
        return field;
    }
}
