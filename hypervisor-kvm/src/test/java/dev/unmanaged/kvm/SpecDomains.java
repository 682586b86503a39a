package dev.unmanaged.kvm;

import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.tck.InstanceSpec;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Brings the test beds' domains into the state and persistence a conformance-kit spec asks for, and removes them. */
final class SpecDomains {
    private SpecDomains() {
    }

    /** Defines or creates the domain of {@code xml} as {@code spec} says: persistent or transient, in its state. */
    static void start(Connect connect, String xml, InstanceSpec spec) throws LibvirtException {
        Domain domain;
        if (spec.persistent()) {
            domain = connect.domainDefineXML(xml);
            if (spec.state() != PowerState.STOPPED) {
                domain.create();
            }
        } else {
            domain = connect.domainCreateXML(xml, 0);
        }
        if (spec.state() == PowerState.PAUSED) {
            domain.suspend();
        }
    }

    /**
     * The password of the domain's first graphics console, read from its secure definition (the live one while it
     * runs, else the persistent one); empty when the console has none or there is no console.
     */
    static Optional<String> graphicsPassword(Connect connect, UUID uuid) throws LibvirtException {
        String secure = connect.domainLookupByUUIDString(uuid.toString()).getXMLDesc(Domain.XMLFlags.SECURE);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList graphics = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(secure))).getElementsByTagName("graphics");
            if (graphics.getLength() == 0) {
                return Optional.empty();
            }
            String password = ((Element) graphics.item(0)).getAttribute("passwd");
            return password.isEmpty() ? Optional.empty() : Optional.of(password);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("libvirt returned a definition of " + uuid + " that is not XML", e);
        }
    }

    /** Destroys and undefines the domain; its name, or empty when there is no such domain. */
    static Optional<String> remove(Connect connect, UUID uuid) throws LibvirtException {
        Domain domain;
        try {
            domain = connect.domainLookupByUUIDString(uuid.toString());
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNoDomain(e)) {
                return Optional.empty();
            }
            throw e;
        }
        String name = domain.getName();
        if (domain.isActive() == 1) {
            domain.destroy();
        }
        try {
            if (domain.isPersistent() == 1) {
                domain.undefine();
            }
        } catch (LibvirtException e) {
            // A transient domain is gone once destroyed.
            if (!LibvirtErrors.isNoDomain(e)) {
                throw e;
            }
        }
        return Optional.of(name);
    }
}
