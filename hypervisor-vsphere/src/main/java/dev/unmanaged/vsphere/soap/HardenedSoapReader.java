package dev.unmanaged.vsphere.soap;

import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.vsphere.vim.BootOptions;
import dev.unmanaged.vsphere.vim.GuestNicInfo;
import dev.unmanaged.vsphere.vim.InfrastructureDevices;
import dev.unmanaged.vsphere.vim.MethodFault;
import dev.unmanaged.vsphere.vim.PowerStateValue;
import dev.unmanaged.vsphere.vim.ResourceAllocationInfo;
import dev.unmanaged.vsphere.vim.Responses;
import dev.unmanaged.vsphere.vim.Vim;
import dev.unmanaged.vsphere.vim.VirtualHardware;
import dev.unmanaged.xml.GuardViolation;
import dev.unmanaged.xml.GuardedStreamReader;
import dev.unmanaged.xml.HardenedXml;
import dev.unmanaged.xml.LimitedInputStream;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one SOAP response into the vim25 model: the hardening of {@link HardenedXml} shared with the KVM provider (no
 * DTD, no external entities or resources, bounded size and depth), then JAXB on the body's answer element. A
 * fault becomes a {@link SoapFault}; anything unreadable a {@link SoapResponseException}.
 */
public final class HardenedSoapReader {
    private static final JAXBContext CONTEXT = context();

    private final SoapLimits limits;
    // A factory per thread: StAX factories are not documented as thread-safe.
    private final ThreadLocal<XMLInputFactory> factories = ThreadLocal.withInitial(HardenedXml::newInputFactory);

    /** A reader within {@code limits}. */
    public HardenedSoapReader(SoapLimits limits) {
        this.limits = limits;
    }

    /**
     * The answer of {@code method} in {@code in} bound to {@code answerType} (one of {@link Responses}' classes).
     *
     * @throws SoapFault             when the body is a fault
     * @throws SoapResponseException when the response is not a readable answer
     */
    public <T> T read(String method, InputStream in, Class<T> answerType) {
        try {
            XMLStreamReader reader = new GuardedStreamReader(factories.get().createXMLStreamReader(
                    new LimitedInputStream(in, limits.maxResponseBytes())), limits.maxElementDepth());
            advanceToBodyContent(reader);
            if (SoapRequest.ENVELOPE.equals(reader.getNamespaceURI()) && "Fault".equals(reader.getLocalName())) {
                throw fault(method, reader);
            }
            return CONTEXT.createUnmarshaller().unmarshal(reader, answerType).getValue();
        } catch (XMLStreamException | JAXBException e) {
            throw unreadable(method, e);
        }
    }

    private static void advanceToBodyContent(XMLStreamReader reader) throws XMLStreamException {
        boolean inBody = false;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (inBody) {
                    return;
                }
                inBody = SoapRequest.ENVELOPE.equals(reader.getNamespaceURI()) && "Body".equals(reader.getLocalName());
            }
        }
        throw new XMLStreamException("no SOAP body with an answer");
    }

    /** Reads a {@code <Fault>}: its fault string, and the vim25 fault type its detail names. */
    private static SoapFault fault(String method, XMLStreamReader reader) throws XMLStreamException {
        String faultString = "";
        String faultType = "unknown";
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if ("faultstring".equals(reader.getLocalName())) {
                    faultString = reader.getElementText();
                    depth--;
                } else if (depth == 3 && Vim.NAMESPACE.equals(reader.getNamespaceURI())) {
                    faultType = detailType(reader);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new SoapFault(method, SafeText.of(faultType), SafeText.of(faultString));
    }

    /** {@code <NotAuthenticatedFault xsi:type="NotAuthenticated">}: the xsi:type, or the name less "Fault". */
    private static String detailType(XMLStreamReader reader) {
        String type = reader.getAttributeValue(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type");
        if (type != null && !type.isBlank()) {
            return type.substring(type.indexOf(':') + 1);
        }
        String name = reader.getLocalName();
        return name.endsWith("Fault") ? name.substring(0, name.length() - "Fault".length()) : name;
    }

    private static SoapResponseException unreadable(String method, Exception failure) {
        Throwable cause = failure;
        for (int hops = 0; cause != null && hops < 20; hops++) {
            if (cause instanceof LimitedInputStream.LimitExceeded tooLarge) {
                return new SoapResponseException("the answer to " + method + " was refused: the response is "
                        + tooLarge.getMessage(), failure);
            }
            if (cause instanceof GuardViolation refused) {
                return new SoapResponseException("the answer to " + method + " was refused: "
                        + refused.getMessage(), failure);
            }
            if (cause instanceof IOException io) {
                return new SoapResponseException("the answer to " + method + " broke off: "
                        + SafeText.of(String.valueOf(io.getMessage())), failure);
            }
            Throwable next = cause.getCause();
            if (next == null && cause instanceof XMLStreamException stax) {
                next = stax.getNestedException();
            }
            if (next == null && cause instanceof JAXBException jaxb) {
                next = jaxb.getLinkedException();
            }
            cause = next == cause ? null : next;
        }
        return new SoapResponseException("the answer to " + method + " is not readable vim25 SOAP: "
                + SafeText.of(String.valueOf(failure.getMessage())), failure);
    }

    private static JAXBContext context() {
        List<Class<?>> types = new ArrayList<>(List.of(Responses.ServiceContentResponse.class,
                Responses.RetrievePropertiesResponse.class, Responses.ReferenceResponse.class,
                Responses.LoginResponse.class, Responses.EmptyResponse.class, VirtualHardware.class,
                ResourceAllocationInfo.class, BootOptions.class, PowerStateValue.class, MethodFault.class,
                GuestNicInfo.Array.class));
        types.addAll(InfrastructureDevices.TYPES);
        try {
            return JAXBContext.newInstance(types.toArray(Class<?>[]::new));
        } catch (JAXBException e) {
            throw new IllegalStateException("the vim25 binding is broken", e);
        }
    }
}
