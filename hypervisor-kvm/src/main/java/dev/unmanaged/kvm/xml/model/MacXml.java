package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <mac address='52:54:00:12:34:56'/>}. */
public class MacXml {
    @XmlAttribute(name = "address")
    private String address;

    public String address() {
        return address;
    }
}
