package dev.unmanaged.api.error;

/** A request holds a value that is not allowed; names the field, the value and what was expected. */
public class InvalidRequestException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field    the request field, e.g. {@code ip[52:54:00:aa:bb:cc]}
     * @param value    the value found
     * @param expected what was expected
     */
    public InvalidRequestException(String field, String value, String expected) {
        super(ErrorCode.INVALID_REQUEST, field + ": found '" + value + "', expected " + expected);
        this.field = field;
    }

    /** The request field. */
    public String field() {
        return field;
    }
}
