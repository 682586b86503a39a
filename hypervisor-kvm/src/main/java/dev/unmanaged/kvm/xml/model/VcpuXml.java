package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <vcpu current='2'>4</vcpu>}: the maximum as text, the online count as an attribute. */
public class VcpuXml {
    @XmlAttribute(name = "current")
    private String current;
    @XmlValue
    private String value;

    public String current() {
        return current;
    }

    public String value() {
        return value;
    }
}
