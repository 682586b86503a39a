package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <feature enabled='yes' name='secure-boot'/>}. */
public class FirmwareFeatureXml {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "enabled")
    private String enabled;

    public String name() {
        return name;
    }

    public String enabled() {
        return enabled;
    }
}
