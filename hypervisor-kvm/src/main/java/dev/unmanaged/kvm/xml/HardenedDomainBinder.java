package dev.unmanaged.kvm.xml;

import dev.unmanaged.kvm.xml.DomainXmlException.Reason;
import dev.unmanaged.kvm.xml.model.DomainXml;
import dev.unmanaged.xml.GuardViolation;
import dev.unmanaged.xml.GuardedStreamReader;
import dev.unmanaged.xml.HardenedXml;
import dev.unmanaged.xml.LimitedInputStream;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.CharArrayReader;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.function.BooleanSupplier;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one domain document into the JAXB model through a hardened StAX reader: no DTD, no external entities
 * or resources, no XInclude, bounded size and depth, the root must be the un-namespaced {@code <domain>},
 * nothing but comments and whitespace after it. The binding sees only the elements the model binds
 * ({@link BoundElementFilter}). Every failure becomes a {@link DomainXmlException}.
 */
final class HardenedDomainBinder {
    private static final String ROOT = "domain";
    private static final String ENCODING_EXPECTED = "characters valid in the document's encoding (UTF-8 unless declared)";

    private static final BoundElements BOUND = BoundElements.of(DomainXml.class);

    private final JAXBContext context;
    private final ParserLimits limits;
    // The factory resets and reuses its last reader (and its symbol table of interned names) once that reader was
    // closed after finishing; safe because each thread has its own factory.
    private final ThreadLocal<XMLInputFactory> factories = ThreadLocal.withInitial(HardenedXml::newInputFactory);
    // An unmarshaller is not thread-safe but may be reused: creating one per document cost a measurable part of a
    // parse. One that failed is dropped, so a half-finished unmarshalling never carries over.
    private final ThreadLocal<Unmarshaller> unmarshallers = new ThreadLocal<>();

    HardenedDomainBinder(JAXBContext context, ParserLimits limits) {
        this.context = context;
        this.limits = limits;
    }

    DomainXml read(InputStream in) {
        LimitedInputStream limited = new LimitedInputStream(in, limits.maxDocumentBytes());
        BufferedInputStream buffered = new BufferedInputStream(limited);
        XMLStreamReader reader;
        try {
            Reader utf8 = Utf8Detection.strictUtf8Reader(buffered);
            reader = utf8 != null ? factories.get().createXMLStreamReader(utf8)
                    : factories.get().createXMLStreamReader(buffered);
        } catch (XMLStreamException | IOException e) {
            throw translate(e, false, limited::sawContent);
        }
        return read(reader, limited::sawContent);
    }

    /** As {@link #read(InputStream)}, for a whole document in memory: a UTF-8 one is decoded in one go. */
    DomainXml read(byte[] document) {
        CharBuffer text;
        try {
            text = Utf8Detection.strictUtf8Text(document);
        } catch (Utf8Detection.MalformedUtf8 e) {
            throw new DomainXmlException(Reason.ENCODING, where(e.line(), e.column()),
                    "a byte sequence that is not valid UTF-8", ENCODING_EXPECTED, e.line(), e.column(), e);
        }
        return text == null ? read(new ByteArrayInputStream(document))
                : read(new CharArrayReader(text.array(), 0, text.limit()), !isBlank(text));
    }

    private static boolean isBlank(CharBuffer text) {
        for (int i = 0; i < text.limit(); i++) {
            if (!Character.isWhitespace(text.get(i))) {
                return false;
            }
        }
        return true;
    }

    DomainXml read(Reader in, boolean hasContent) {
        XMLStreamReader reader;
        try {
            reader = factories.get().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw translate(e, false, () -> hasContent);
        }
        return read(reader, () -> hasContent);
    }

    private DomainXml read(XMLStreamReader raw, BooleanSupplier sawContent) {
        GuardedStreamReader reader = new GuardedStreamReader(raw, limits.maxElementDepth());
        boolean rootSeen = false;
        try {
            advanceToRoot(reader);
            rootSeen = true;
            requireDomainRoot(reader);
            // No event handler is set on purpose: the runtime then skips unknown elements and attributes
            // without building a validation event for each, which costs more than the binding itself.
            Unmarshaller unmarshaller = unmarshallers.get();
            if (unmarshaller == null) {
                unmarshaller = context.createUnmarshaller();
                unmarshallers.set(unmarshaller);
            }
            DomainXml domain = null;
            CoordinatorSlotHolder slot = new CoordinatorSlotHolder();
            slot.hold();
            try {
                domain = unmarshaller.unmarshal(new BoundElementFilter(reader, BOUND), DomainXml.class).getValue();
            } finally {
                slot.release();
                if (domain == null) {
                    unmarshallers.remove();
                }
            }
            requireNothingAfterRoot(reader);
            // Only a reader that finished cleanly is closed, which lets the factory reuse it; a failed one is
            // dropped (closing a StAX reader never closes the input, so nothing leaks).
            raw.close();
            return domain;
        } catch (XMLStreamException | JAXBException | RuntimeException e) {
            throw translate(e, rootSeen, sawContent);
        }
    }

    private static void advanceToRoot(GuardedStreamReader reader) throws XMLStreamException {
        int event = reader.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT || !reader.hasNext()) {
                throw new DomainXmlException(Reason.EMPTY, "document", null, "a <domain> root element");
            }
            if (event == XMLStreamConstants.DTD) {
                throw new DomainXmlException(Reason.DOCTYPE_FORBIDDEN, "<!DOCTYPE>", "a document type declaration",
                        "no DOCTYPE: domain XML never has one, and DTDs and entities are refused");
            }
            event = reader.next();
        }
    }

    private static void requireDomainRoot(XMLStreamReader reader) {
        String namespace = reader.getNamespaceURI();
        boolean namespaced = namespace != null && !namespace.isEmpty();
        if (!ROOT.equals(reader.getLocalName()) || namespaced) {
            String found = namespaced ? "<" + reader.getLocalName() + "> in namespace " + namespace
                    : "<" + reader.getLocalName() + ">";
            throw new DomainXmlException(Reason.WRONG_ROOT, "root element", found,
                    "the root element <domain> without a namespace");
        }
    }

    private static void requireNothingAfterRoot(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.getEventType();
        while (event != XMLStreamConstants.END_DOCUMENT) {
            boolean content = event == XMLStreamConstants.START_ELEMENT
                    || ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                    && !reader.isWhiteSpace());
            if (content) {
                Location at = reader.getLocation();
                throw new DomainXmlException(Reason.SYNTAX, "content after </domain>", "more markup or text",
                        "nothing but comments and whitespace after the root element",
                        at == null ? null : at.getLineNumber(), at == null ? null : at.getColumnNumber(), null);
            }
            if (!reader.hasNext()) {
                return;
            }
            event = reader.next();
        }
    }

    private DomainXmlException translate(Exception failure, boolean rootSeen, BooleanSupplier sawContent) {
        DomainXmlException typed = find(failure, DomainXmlException.class);
        if (typed != null) {
            return typed;
        }
        GuardViolation refused = find(failure, GuardViolation.class);
        if (refused != null) {
            return refusal(refused);
        }
        if (find(failure, LimitedInputStream.LimitExceeded.class) != null) {
            return new DomainXmlException(Reason.LIMIT_EXCEEDED, "document size",
                    "more than " + limits.maxDocumentBytes() + " bytes",
                    "at most " + limits.maxDocumentBytes() + " bytes (" + (limits.maxDocumentBytes() >> 20) + " MiB)");
        }
        if (!rootSeen && !sawContent.getAsBoolean()) {
            return new DomainXmlException(Reason.EMPTY, "document", null, "a <domain> root element");
        }
        XMLStreamException stax = find(failure, XMLStreamException.class);
        Location at = stax == null ? null : stax.getLocation();
        Integer line = at == null || at.getLineNumber() < 0 ? null : at.getLineNumber();
        Integer column = at == null || at.getColumnNumber() < 0 ? null : at.getColumnNumber();
        String where = line == null ? "document" : where(line, column);
        String detail = parserMessage(stax != null ? stax : failure);
        if (find(failure, CharacterCodingException.class) != null) {
            detail = "a byte sequence that is not valid UTF-8";
        }
        if (find(failure, CharConversionException.class) != null
                || find(failure, CharacterCodingException.class) != null) {
            return new DomainXmlException(Reason.ENCODING, where, detail, ENCODING_EXPECTED, line, column, failure);
        }
        return new DomainXmlException(Reason.SYNTAX, where, detail, "well-formed XML 1.0", line, column, failure);
    }

    /** The field an error at a known line names (the parser may not know the column). */
    private static String where(int line, Integer column) {
        return "document at line " + line + ", column " + column;
    }

    /** The guard's refusal in the words of domain XML. */
    private DomainXmlException refusal(GuardViolation refused) {
        return switch (refused.kind()) {
            case TOO_DEEP -> new DomainXmlException(Reason.LIMIT_EXCEEDED, "element depth", refused.detail(),
                    "at most " + limits.maxElementDepth() + " levels of nesting", refused.line(),
                    refused.column(), null);
            case DOCTYPE -> new DomainXmlException(Reason.DOCTYPE_FORBIDDEN, "<!DOCTYPE>", refused.detail(),
                    "no DOCTYPE: domain XML never has one, and DTDs and entities are refused", refused.line(),
                    refused.column(), null);
            case ENTITY_REFERENCE -> new DomainXmlException(Reason.DOCTYPE_FORBIDDEN, "entity reference",
                    refused.detail(), "only the predefined XML entities", refused.line(), refused.column(), null);
        };
    }

    /** The parser's own explanation without the location prefix the JDK adds. */
    private static String parserMessage(Throwable failure) {
        String message = failure.getMessage();
        if (message == null) {
            return failure.getClass().getSimpleName();
        }
        int marker = message.indexOf("Message: ");
        return (marker >= 0 ? message.substring(marker + "Message: ".length()) : message).strip();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int hops = 0; current != null && hops < 20; hops++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            Throwable next = current.getCause();
            if (next == null && current instanceof JAXBException jaxb) {
                next = jaxb.getLinkedException();
            }
            if (next == null && current instanceof XMLStreamException stax) {
                next = stax.getNestedException();
            }
            current = next == current ? null : next;
        }
        return null;
    }
}
