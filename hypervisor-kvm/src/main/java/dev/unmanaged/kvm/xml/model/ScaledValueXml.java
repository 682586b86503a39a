package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/** A libvirt scaled integer such as {@code <memory unit='KiB'>1048576</memory>}. */
public class ScaledValueXml {
    @XmlAttribute(name = "unit")
    private String unit;
    @XmlValue
    private String value;

    public String unit() {
        return unit;
    }

    public String value() {
        return value;
    }
}
