package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** An interface's {@code <source>} with the attributes of every interface type; see {@link InterfaceSource}. */
public class InterfaceSourceXml {
    @XmlAttribute(name = "bridge")
    private String bridge;
    @XmlAttribute(name = "network")
    private String network;
    @XmlAttribute(name = "portgroup")
    private String portgroup;
    @XmlAttribute(name = "dev")
    private String dev;
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "path")
    private String path;
    @XmlElement(name = "address")
    private PciAddressXml address;

    public String bridge() {
        return bridge;
    }

    public String network() {
        return network;
    }

    public String portgroup() {
        return portgroup;
    }

    public String dev() {
        return dev;
    }

    public String mode() {
        return mode;
    }

    public String path() {
        return path;
    }

    public PciAddressXml address() {
        return address;
    }
}
