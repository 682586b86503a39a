package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <listen type='address' address='127.0.0.1'/>} of a graphics console. */
public class ListenXml {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "address")
    private String address;

    public String type() {
        return type;
    }

    public String address() {
        return address;
    }
}
