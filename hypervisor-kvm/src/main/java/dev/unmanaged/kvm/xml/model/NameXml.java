package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** An element whose mapped attribute is {@code name}: {@code <adapter name='scsi_host0'/>}. */
public class NameXml {
    @XmlAttribute(name = "name")
    private String name;

    public String name() {
        return name;
    }
}
