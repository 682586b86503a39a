package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** An element whose only mapped attribute is {@code type}: {@code <model type='virtio'/>}, {@code <virtualport type=.../>}. */
public class TypeOnlyXml {
    @XmlAttribute(name = "type")
    private String type;

    public String type() {
        return type;
    }
}
