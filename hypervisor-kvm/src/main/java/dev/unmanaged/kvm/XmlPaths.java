package dev.unmanaged.kvm;

import dev.unmanaged.xml.GuardedStreamReader;
import dev.unmanaged.xml.HardenedXml;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a few values out of libvirt's small side documents (a storage volume's XML, a snapshot's XML) through the
 * hardened StAX setup: {@code volume/backingStore/path} is the text of that element, {@code volume/target/format@type}
 * an attribute. Only the first occurrence of each path counts; nothing else of the document is kept.
 */
final class XmlPaths {
    private static final int MAX_DEPTH = 64;
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(HardenedXml::newInputFactory);

    private XmlPaths() {
    }

    /**
     * The first value of each of {@code paths} in {@code xml}; a path the document does not have is absent.
     *
     * @throws IllegalArgumentException when the document is not well-formed XML
     */
    static Map<String, String> read(String xml, Set<String> paths) {
        Map<String, String> found = new HashMap<>();
        Deque<String> open = new ArrayDeque<>();
        try {
            XMLStreamReader reader = new GuardedStreamReader(FACTORY.get().createXMLStreamReader(
                    new StringReader(xml)), MAX_DEPTH);
            try {
                StringBuilder text = null;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String path = open.isEmpty() ? reader.getLocalName() : open.peek() + "/" + reader.getLocalName();
                        open.push(path);
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            String key = path + "@" + reader.getAttributeLocalName(i);
                            if (paths.contains(key)) {
                                found.putIfAbsent(key, reader.getAttributeValue(i));
                            }
                        }
                        text = paths.contains(path) && !found.containsKey(path) ? new StringBuilder() : null;
                    } else if (event == XMLStreamConstants.CHARACTERS && text != null) {
                        text.append(reader.getText());
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        String path = open.pop();
                        if (text != null) {
                            found.putIfAbsent(path, text.toString().strip());
                            text = null;
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("libvirt returned a document that is not well-formed XML: "
                    + e.getMessage(), e);
        }
        return found;
    }
}
