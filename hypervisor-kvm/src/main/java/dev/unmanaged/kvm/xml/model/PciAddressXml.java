package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>} of a host PCI device. */
public class PciAddressXml {
    @XmlAttribute(name = "domain")
    private String domain;
    @XmlAttribute(name = "bus")
    private String bus;
    @XmlAttribute(name = "slot")
    private String slot;
    @XmlAttribute(name = "function")
    private String function;

    public String domain() {
        return domain;
    }

    public String bus() {
        return bus;
    }

    public String slot() {
        return slot;
    }

    public String function() {
        return function;
    }
}
