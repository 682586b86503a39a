package dev.unmanaged.xml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link GuardedStreamReader} refused the document: what it met ({@link #kind()}), and where
 * ({@link #getLocation()}, when the parser knows). The message names the refusal without a location prefix.
 */
public final class GuardViolation extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    /** What was refused. */
    public enum Kind {
        /** Elements nested deeper than the limit. */
        TOO_DEEP,
        /** A document type declaration. */
        DOCTYPE,
        /** A reference to an entity other than the predefined XML ones. */
        ENTITY_REFERENCE
    }

    private final Kind kind;
    private final String detail;

    GuardViolation(Kind kind, String detail, String message, @Nullable Location location) {
        super(message);
        this.kind = kind;
        this.detail = detail;
        this.location = location;
    }

    /** What was refused. */
    public Kind kind() {
        return kind;
    }

    /**
     * What was found: for {@link Kind#TOO_DEEP} {@code "more than N nested elements"}, for
     * {@link Kind#ENTITY_REFERENCE} the reference as written ({@code "&name;"}), for {@link Kind#DOCTYPE}
     * {@code "a document type declaration"}.
     */
    public String detail() {
        return detail;
    }

    /** The line of the refused event, or null when the parser does not know it. */
    public @Nullable Integer line() {
        return location == null || location.getLineNumber() < 0 ? null : location.getLineNumber();
    }

    /** The column of the refused event, or null when the parser does not know it. */
    public @Nullable Integer column() {
        return location == null || location.getColumnNumber() < 0 ? null : location.getColumnNumber();
    }
}
