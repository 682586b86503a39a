package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <hostdev mode='subsystem' type='pci|usb|mdev|scsi' managed='yes'><source>…</source></hostdev>}. */
public class HostdevXml {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "managed")
    private String managed;
    @XmlElement(name = "source")
    private HostdevSourceXml source;

    public String mode() {
        return mode;
    }

    public String type() {
        return type;
    }

    public String managed() {
        return managed;
    }

    public HostdevSourceXml source() {
        return source;
    }
}
