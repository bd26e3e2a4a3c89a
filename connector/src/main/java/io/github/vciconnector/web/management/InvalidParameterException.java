package io.github.vciconnector.web.management;

/** A query parameter of the management API out of its bounds; answered with a 400 problem naming it. */
public final class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String description) {
        super(description);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
