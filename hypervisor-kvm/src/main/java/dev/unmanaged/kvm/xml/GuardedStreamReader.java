package dev.unmanaged.kvm.xml;

import dev.unmanaged.kvm.xml.DomainXmlException.Reason;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The only view of the document the binding gets: refuses a DOCTYPE the moment the parser reports one (before
 * any entity could be used) and stops when elements nest deeper than the limit, so no later stage ever
 * recurses over a hostile depth.
 */
final class GuardedStreamReader extends StreamReaderDelegate {
    private static final String INTERN_NAMES = "org.codehaus.stax2.internNames";
    private static final String INTERN_NAMESPACE_URIS = "org.codehaus.stax2.internNsUris";

    private final int maxDepth;
    private int depth;

    GuardedStreamReader(XMLStreamReader reader, int maxDepth) {
        super(reader);
        this.maxDepth = maxDepth;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                depth++;
                if (depth > maxDepth) {
                    throw new DomainXmlException(Reason.LIMIT_EXCEEDED, "element depth", "more than " + maxDepth
                            + " nested elements", "at most " + maxDepth + " levels of nesting",
                            lineOf(), columnOf(), null);
                }
            }
            case XMLStreamConstants.END_ELEMENT -> depth--;
            case XMLStreamConstants.DTD -> throw new DomainXmlException(Reason.DOCTYPE_FORBIDDEN, "<!DOCTYPE>",
                    "a document type declaration", "no DOCTYPE: domain XML never has one, and DTDs and entities "
                    + "are refused", lineOf(), columnOf(), null);
            case XMLStreamConstants.ENTITY_REFERENCE -> throw new DomainXmlException(Reason.DOCTYPE_FORBIDDEN,
                    "entity reference", "&" + getLocalName() + ";", "only the predefined XML entities",
                    lineOf(), columnOf(), null);
            default -> { }
        }
        return event;
    }

    /**
     * Tells the binding that names come interned, which the JDK's parser guarantees (its symbol table interns
     * every element and attribute name and namespace URI). Without this the binding cannot see through the
     * wrapper and interns each name again, a fifth of the parse time.
     */
    @Override
    public Object getProperty(String name) {
        if (INTERN_NAMES.equals(name) || INTERN_NAMESPACE_URIS.equals(name)) {
            return Boolean.TRUE;
        }
        return super.getProperty(name);
    }

    /** Reimplemented over {@link #next()} so that every event passes the guards. */
    @Override
    public int nextTag() throws XMLStreamException {
        return nextTagOf(this);
    }

    /**
     * {@link XMLStreamReader#nextTag()} in terms of {@code reader}'s own {@link XMLStreamReader#next()}, for
     * wrappers that must see every event: a delegate's inherited {@code nextTag} would bypass them.
     */
    static int nextTagOf(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.next();
        while ((event == XMLStreamConstants.CHARACTERS && reader.isWhiteSpace())
                || (event == XMLStreamConstants.CDATA && reader.isWhiteSpace())
                || event == XMLStreamConstants.SPACE
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || event == XMLStreamConstants.COMMENT) {
            event = reader.next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", reader.getLocation());
        }
        return event;
    }

    private Integer lineOf() {
        return getLocation() == null ? null : getLocation().getLineNumber();
    }

    private Integer columnOf() {
        return getLocation() == null ? null : getLocation().getColumnNumber();
    }
}
