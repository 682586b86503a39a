package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <vcpus><vcpu id='1' enabled='no'/></vcpus>}. */
public class VcpuStateXml {
    @XmlAttribute(name = "id")
    private String id;
    @XmlAttribute(name = "enabled")
    private String enabled;

    public String id() {
        return id;
    }

    public String enabled() {
        return enabled;
    }
}
