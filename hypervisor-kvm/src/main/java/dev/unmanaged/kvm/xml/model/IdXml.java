package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** An element whose mapped attribute is {@code id}: {@code <vendor id='0x046d'/>}. */
public class IdXml {
    @XmlAttribute(name = "id")
    private String id;

    public String id() {
        return id;
    }
}
