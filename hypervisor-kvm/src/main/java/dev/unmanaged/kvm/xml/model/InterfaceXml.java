package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** {@code <interface type=...>}. */
public class InterfaceXml {
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "mac")
    private MacXml mac;
    @XmlElement(name = "model")
    private TypeOnlyXml model;
    @XmlElement(name = "source")
    private InterfaceSourceXml source;
    @XmlElement(name = "vlan")
    private List<VlanXml> vlans = new ArrayList<>();
    @XmlElement(name = "virtualport")
    private TypeOnlyXml virtualport;
    @XmlElement(name = "target")
    private TargetXml target;
    @XmlElement(name = "boot")
    private BootOrderXml boot;

    public String type() {
        return type;
    }

    public MacXml mac() {
        return mac;
    }

    public TypeOnlyXml model() {
        return model;
    }

    /** The {@code <source>} element as written; null when there is no {@code <source>}. */
    public InterfaceSourceXml source() {
        return source;
    }

    public List<VlanXml> vlans() {
        return vlans;
    }

    public TypeOnlyXml virtualport() {
        return virtualport;
    }

    public TargetXml target() {
        return target;
    }

    public BootOrderXml boot() {
        return boot;
    }
}
