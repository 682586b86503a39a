package dev.unmanaged.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/** Creates the one hardened StAX factory setup every XML reader of Unmanaged uses. */
public final class HardenedXml {
    private static final String REUSE_READER = "reuse-instance";

    private HardenedXml() {
    }

    /**
     * A new JDK StAX factory that is namespace-aware and non-validating, does not support DTDs or external
     * entities, and refuses every external resource (an {@link javax.xml.stream.XMLResolver} that throws). Where
     * the JDK's factory supports it, a reader that was closed after finishing is reset and reused (with its symbol
     * table of interned names) for the next document. Like every StAX factory it is not documented as thread-safe:
     * use one per thread.
     */
    public static XMLInputFactory newInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are refused");
        });
        try {
            factory.setProperty(REUSE_READER, Boolean.TRUE);
        } catch (IllegalArgumentException unsupported) {
            // another StAX implementation: a new reader per document
        }
        return factory;
    }
}
