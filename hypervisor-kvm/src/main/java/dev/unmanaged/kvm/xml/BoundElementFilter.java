package dev.unmanaged.kvm.xml;

import dev.unmanaged.xml.GuardedStreamReader;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Hands the binding only the elements the model binds, and text only inside elements whose text it binds: the
 * subtree of any other element (controllers, clocks, features, metadata, security labels, …) and the
 * whitespace between elements are read past here, event by event through the reader below, so that
 * the {@link GuardedStreamReader}'s DOCTYPE, entity and depth checks still see every event. JAXB would ignore
 * these anyway, but pays for each of them (a loader per unknown element, a buffer for every piece of text);
 * this makes the binding's cost follow the elements it keeps rather than the document.
 *
 * <p>Created on the root element; once the root has ended every event passes unfiltered, so that what follows
 * the root is still checked by the caller.
 */
final class BoundElementFilter extends StreamReaderDelegate {
    private final Deque<BoundElements> open = new ArrayDeque<>();

    /** {@code reader} must be on the root element, which {@code root} describes. */
    BoundElementFilter(XMLStreamReader reader, BoundElements root) {
        super(reader);
        open.push(root);
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        while (!open.isEmpty()) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                BoundElements bound = isUnqualified() ? open.peek().child(getLocalName()) : null;
                if (bound != null) {
                    open.push(bound);
                    return event;
                }
                skipSubtree();
                event = super.next();
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open.pop();
                return event;
            } else if (isText(event) && !open.peek().bindsText()) {
                event = super.next();
            } else {
                return event;
            }
        }
        return event;
    }

    /** Reimplemented over {@link #next()} so that the binding never sees a skipped element. */
    @Override
    public int nextTag() throws XMLStreamException {
        return GuardedStreamReader.nextTagOf(this);
    }

    /** Text, and comments and processing instructions, which the binding ignores in text too. */
    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE
                || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION;
    }

    private boolean isUnqualified() {
        String namespace = getNamespaceURI();
        return namespace == null || namespace.isEmpty();
    }

    /** From a start tag to its end tag, inclusive. */
    private void skipSubtree() throws XMLStreamException {
        for (int level = 1; level > 0; ) {
            int event = super.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
    }
}
