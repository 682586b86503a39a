package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** {@code <vlan trunk='yes'><tag id='42'/>...</vlan>}. */
public class VlanXml {
    @XmlElement(name = "tag")
    private List<VlanTagXml> tags = new ArrayList<>();

    public List<VlanTagXml> tags() {
        return tags;
    }
}
