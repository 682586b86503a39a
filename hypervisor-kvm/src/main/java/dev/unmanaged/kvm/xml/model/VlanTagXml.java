package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <tag id='42' nativeMode='untagged'/>}. */
public class VlanTagXml {
    @XmlAttribute(name = "id")
    private String id;

    public String id() {
        return id;
    }
}
