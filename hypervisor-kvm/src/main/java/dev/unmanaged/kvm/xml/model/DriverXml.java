package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** A disk's {@code <driver name='qemu' type='qcow2' cache='none'/>}. */
public class DriverXml {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "cache")
    private String cache;

    public String type() {
        return type;
    }

    public String cache() {
        return cache;
    }
}
