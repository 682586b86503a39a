package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <target dev='vda' bus='virtio'/>} of a disk or {@code <target dev='vnet0'/>} of an interface. */
public class TargetXml {
    @XmlAttribute(name = "dev")
    private String dev;
    @XmlAttribute(name = "bus")
    private String bus;

    public String dev() {
        return dev;
    }

    public String bus() {
        return bus;
    }
}
