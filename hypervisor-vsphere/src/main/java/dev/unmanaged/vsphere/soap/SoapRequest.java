package dev.unmanaged.vsphere.soap;

import dev.unmanaged.vsphere.vim.ManagedObjectReference;
import dev.unmanaged.vsphere.vim.Vim;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One vim25 request envelope, written with the JDK's StAX writer so that every value is escaped. Holds the method
 * name for messages; {@link #toString()} never shows the body (a login's body holds the password).
 */
public final class SoapRequest {
    static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final String method;
    private final String body;

    private SoapRequest(String method, String body) {
        this.method = method;
        this.body = body;
    }

    /** The vim25 method called. */
    public String method() {
        return method;
    }

    /** The envelope's text; holds the password of a login. */
    public String body() {
        return body;
    }

    @Override
    public String toString() {
        return "SoapRequest[" + method + "]";
    }

    /** {@code RetrieveServiceContent} on the service instance. */
    public static SoapRequest retrieveServiceContent() {
        return build("RetrieveServiceContent", new ManagedObjectReference("ServiceInstance", "ServiceInstance"),
                w -> { });
    }

    /** {@code Login}; the password is in the body only. */
    public static SoapRequest login(ManagedObjectReference sessionManager, String user, char[] password) {
        return build("Login", sessionManager, w -> {
            text(w, "userName", user);
            text(w, "password", new String(password));
        });
    }

    /** {@code Logout}. */
    public static SoapRequest logout(ManagedObjectReference sessionManager) {
        return build("Logout", sessionManager, w -> { });
    }

    /** {@code CreateContainerView} over {@code container}, recursive, of the given managed object types. */
    public static SoapRequest createContainerView(ManagedObjectReference viewManager,
                                                  ManagedObjectReference container, List<String> types) {
        return build("CreateContainerView", viewManager, w -> {
            reference(w, "container", container);
            for (String type : types) {
                text(w, "type", type);
            }
            text(w, "recursive", "true");
        });
    }

    /** {@code DestroyView}. */
    public static SoapRequest destroyView(ManagedObjectReference view) {
        return build("DestroyView", view, w -> { });
    }

    /**
     * {@code RetrievePropertiesEx}: the given paths of every object of each type in {@code view}, at most
     * {@code maxObjects} objects per page.
     *
     * @param paths per managed object type, the property paths to read
     */
    public static SoapRequest retrievePropertiesEx(ManagedObjectReference collector, ManagedObjectReference view,
                                                   List<PropertyPaths> paths, int maxObjects) {
        return build("RetrievePropertiesEx", collector, w -> {
            w.writeStartElement(Vim.NAMESPACE, "specSet");
            propertySets(w, paths);
            w.writeStartElement(Vim.NAMESPACE, "objectSet");
            reference(w, "obj", view);
            text(w, "skip", "true");
            w.writeStartElement(Vim.NAMESPACE, "selectSet");
            w.writeAttribute("xsi", XSI, "type", "TraversalSpec");
            text(w, "name", "view");
            text(w, "type", "ContainerView");
            text(w, "path", "view");
            text(w, "skip", "false");
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            options(w, maxObjects);
        });
    }

    /**
     * {@code RetrievePropertiesEx}: the given paths of exactly {@code objects}, without a view or traversal, at most
     * {@code maxObjects} objects per page.
     */
    public static SoapRequest retrievePropertiesEx(ManagedObjectReference collector,
                                                   List<ManagedObjectReference> objects, List<PropertyPaths> paths,
                                                   int maxObjects) {
        return build("RetrievePropertiesEx", collector, w -> {
            w.writeStartElement(Vim.NAMESPACE, "specSet");
            propertySets(w, paths);
            for (ManagedObjectReference object : objects) {
                w.writeStartElement(Vim.NAMESPACE, "objectSet");
                reference(w, "obj", object);
                text(w, "skip", "false");
                w.writeEndElement();
            }
            w.writeEndElement();
            options(w, maxObjects);
        });
    }

    private static void propertySets(XMLStreamWriter w, List<PropertyPaths> paths) throws XMLStreamException {
        for (PropertyPaths typePaths : paths) {
            w.writeStartElement(Vim.NAMESPACE, "propSet");
            text(w, "type", typePaths.type());
            for (String path : typePaths.paths()) {
                text(w, "pathSet", path);
            }
            w.writeEndElement();
        }
    }

    private static void options(XMLStreamWriter w, int maxObjects) throws XMLStreamException {
        w.writeStartElement(Vim.NAMESPACE, "options");
        text(w, "maxObjects", Integer.toString(maxObjects));
        w.writeEndElement();
    }

    /** {@code ContinueRetrievePropertiesEx}: the page after the one {@code token} came with. */
    public static SoapRequest continueRetrievePropertiesEx(ManagedObjectReference collector, String token) {
        return build("ContinueRetrievePropertiesEx", collector, w -> text(w, "token", token));
    }

    /**
     * The property paths read from objects of one managed object type.
     *
     * @param type  the managed object type, e.g. {@code VirtualMachine}
     * @param paths the property paths, e.g. {@code config.hardware}
     */
    public record PropertyPaths(String type, List<String> paths) {
        public PropertyPaths {
            paths = List.copyOf(paths);
        }
    }

    /** Writes the method's parameters after {@code _this}. */
    @FunctionalInterface
    private interface Parameters {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static SoapRequest build(String method, ManagedObjectReference target, Parameters parameters) {
        StringWriter out = new StringWriter(512);
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("soapenv", "Envelope", ENVELOPE);
            w.writeNamespace("soapenv", ENVELOPE);
            w.writeNamespace("xsi", XSI);
            w.writeDefaultNamespace(Vim.NAMESPACE);
            w.writeStartElement("soapenv", "Body", ENVELOPE);
            w.writeStartElement(Vim.NAMESPACE, method);
            reference(w, "_this", target);
            parameters.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a " + method + " request failed", e);
        }
        return new SoapRequest(method, out.toString());
    }

    private static void reference(XMLStreamWriter w, String element, ManagedObjectReference reference)
            throws XMLStreamException {
        w.writeStartElement(Vim.NAMESPACE, element);
        w.writeAttribute("type", reference.type);
        w.writeCharacters(reference.value);
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(Vim.NAMESPACE, element);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
