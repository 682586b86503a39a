package dev.unmanaged.benchmarks.parse;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The floor: one pass of the JDK's StAX parser (hardened like ours) over every event of a document, reading
 * nothing but the event kinds and attribute counts. No parser that reads the document can be faster than this
 * on the same XML stack.
 */
public final class StaxEventPass {
    private final ThreadLocal<XMLInputFactory> factories = ThreadLocal.withInitial(StaxEventPass::hardenedFactory);

    /** The number of events and attributes in the document. */
    public long count(byte[] xml) {
        try {
            XMLStreamReader reader = factories.get().createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                long seen = 0;
                while (reader.hasNext()) {
                    int event = reader.next();
                    seen++;
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        seen += reader.getAttributeCount();
                    }
                }
                return seen;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not a readable document: " + e.getMessage(), e);
        }
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
