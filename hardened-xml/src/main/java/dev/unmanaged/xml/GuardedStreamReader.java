package dev.unmanaged.xml;

import dev.unmanaged.xml.GuardViolation.Kind;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The only view of a document a binding should get: refuses a DOCTYPE the moment the parser reports one (before
 * any entity could be used), an entity reference, and elements nested deeper than the limit, each with a
 * {@link GuardViolation} thrown from {@link #next()}, so no later stage ever recurses over a hostile depth.
 * {@link #nextTag()} passes every event through the same checks.
 *
 * <p>Wrap only readers of a factory from {@link HardenedXml#newInputFactory()}: this reader tells a binding that
 * element and attribute names and namespace URIs come interned, which the JDK's parser guarantees.
 */
public final class GuardedStreamReader extends StreamReaderDelegate {
    private static final String INTERN_NAMES = "org.codehaus.stax2.internNames";
    private static final String INTERN_NAMESPACE_URIS = "org.codehaus.stax2.internNsUris";

    private final int maxDepth;
    private int depth;

    /**
     * Guards {@code reader}, accepting at most {@code maxDepth} levels of nesting (the root counts as 1).
     *
     * @throws IllegalArgumentException when {@code maxDepth} is less than 1
     */
    public GuardedStreamReader(XMLStreamReader reader, int maxDepth) {
        super(reader);
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1, got " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    /**
     * The next event, after the guards saw it.
     *
     * @throws GuardViolation     for a DOCTYPE, an entity reference, or a start tag past the depth limit
     * @throws XMLStreamException when the parser fails
     */
    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                depth++;
                if (depth > maxDepth) {
                    throw new GuardViolation(Kind.TOO_DEEP, "more than " + maxDepth + " nested elements",
                            "elements nest deeper than " + maxDepth + " levels", getLocation());
                }
            }
            case XMLStreamConstants.END_ELEMENT -> depth--;
            case XMLStreamConstants.DTD -> throw new GuardViolation(Kind.DOCTYPE, "a document type declaration",
                    "a DOCTYPE: DTDs and entities are refused", getLocation());
            case XMLStreamConstants.ENTITY_REFERENCE -> throw new GuardViolation(Kind.ENTITY_REFERENCE,
                    "&" + getLocalName() + ";", "an entity reference &" + getLocalName()
                    + ";: only the predefined XML entities are accepted", getLocation());
            default -> { }
        }
        return event;
    }

    /**
     * Tells the binding that names come interned, which the JDK's parser guarantees (its symbol table interns
     * every element and attribute name and namespace URI). Without this a binding such as JAXB cannot see
     * through the wrapper and interns each name again, a fifth of the parse time.
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
     *
     * @return {@link XMLStreamConstants#START_ELEMENT} or {@link XMLStreamConstants#END_ELEMENT}
     * @throws XMLStreamException when anything but whitespace, comments and processing instructions comes first
     */
    public static int nextTagOf(XMLStreamReader reader) throws XMLStreamException {
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
}
