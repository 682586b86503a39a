package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <type arch='x86_64' machine='pc-q35-8.2'>hvm</type>}. */
public class OsTypeXml {
    @XmlAttribute(name = "arch")
    private String arch;
    @XmlAttribute(name = "machine")
    private String machine;
    @XmlValue
    private String value;

    public String arch() {
        return arch;
    }

    public String machine() {
        return machine;
    }

    public String value() {
        return value;
    }
}
