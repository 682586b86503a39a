package dev.unmanaged.api.error;

import org.jspecify.annotations.Nullable;

/**
 * An instance definition (for KVM, the domain XML) could not be read. Names the field, the value found
 * and what was expected. The value is never a secret: definitions' secrets are not quoted.
 */
public class InvalidDefinitionException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final @Nullable String value;
    private final String expected;

    /**
     * @param field    the element or attribute, e.g. {@code <memory>} or {@code <vcpu>}
     * @param value    the value found, null when absent; shortened if long
     * @param expected what was expected
     */
    public InvalidDefinitionException(String field, @Nullable String value, String expected) {
        this(field, value, expected, null);
    }

    /** As {@link #InvalidDefinitionException(String, String, String)}, with a cause. */
    public InvalidDefinitionException(String field, @Nullable String value, String expected,
                                      @Nullable Throwable cause) {
        super(ErrorCode.INVALID_DEFINITION, describe(field, value, expected), cause);
        this.field = field;
        this.value = value;
        this.expected = expected;
    }

    private static String describe(String field, @Nullable String value, String expected) {
        String shown = value == null ? "nothing" : "'" + shorten(value) + "'";
        return field + ": found " + shown + ", expected " + expected;
    }

    private static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    /** The element or attribute. */
    public String field() {
        return field;
    }

    /** The value found, or null when it was absent. */
    public @Nullable String value() {
        return value;
    }

    /** What was expected. */
    public String expected() {
        return expected;
    }
}
