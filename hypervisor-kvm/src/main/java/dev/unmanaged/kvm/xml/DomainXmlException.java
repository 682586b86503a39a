package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.error.InvalidDefinitionException;

/**
 * A libvirt domain XML document could not be turned into a descriptor. {@link #reason()} says which rule was
 * broken; the message names the element, the value found (never a secret) and what was expected. Syntax and
 * encoding errors carry the {@link #line()} and {@link #column()} where the parser stopped.
 */
public class DomainXmlException extends InvalidDefinitionException {
    private static final long serialVersionUID = 1L;

    /** The rule a document broke; stable, for programs that react to it. */
    public enum Reason {
        /** The document is not well-formed XML (truncated, two roots, trailing text, illegal characters). */
        SYNTAX,
        /** The bytes do not decode in the document's encoding (e.g. invalid UTF-8). */
        ENCODING,
        /** The document has a DOCTYPE; domain XML never has one, and DTDs and entities are refused. */
        DOCTYPE_FORBIDDEN,
        /** The document is larger or deeper than the parser accepts. */
        LIMIT_EXCEEDED,
        /** The root element is not the un-namespaced {@code <domain>}. */
        WRONG_ROOT,
        /** The document is empty or holds only whitespace. */
        EMPTY,
        /** A mandatory element is absent. */
        MISSING_ELEMENT,
        /** An element that may appear once appears more than once. */
        DUPLICATE_ELEMENT,
        /** An element or attribute holds a value libvirt does not allow. */
        INVALID_VALUE,
        /** The document could not be read from its source. */
        IO
    }

    private final Reason reason;
    private final Integer line;
    private final Integer column;

    /**
     * @param reason   the rule broken
     * @param field    the element or attribute, e.g. {@code <memory>}
     * @param value    the value found (never a secret), null when absent
     * @param expected what was expected
     */
    public DomainXmlException(Reason reason, String field, String value, String expected) {
        this(reason, field, value, expected, null, null, null);
    }

    /** As {@link #DomainXmlException(Reason, String, String, String)} with a position and a cause. */
    public DomainXmlException(Reason reason, String field, String value, String expected, Integer line,
                              Integer column, Throwable cause) {
        super(field, value, expected, cause);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** The rule broken. */
    public Reason reason() {
        return reason;
    }

    /** The 1-based line where parsing stopped, for syntax and encoding errors; null otherwise. */
    public Integer line() {
        return line;
    }

    /** The 1-based column where parsing stopped, for syntax and encoding errors; null otherwise. */
    public Integer column() {
        return column;
    }
}
