package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** A per-device {@code <boot order='1'/>}. */
public class BootOrderXml {
    @XmlAttribute(name = "order")
    private String order;

    public String order() {
        return order;
    }
}
