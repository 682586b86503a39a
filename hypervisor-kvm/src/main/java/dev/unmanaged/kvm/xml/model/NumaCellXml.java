package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <cell id='0' cpus='0-1' memory='1048576' unit='KiB'/>}. */
public class NumaCellXml {
    @XmlAttribute(name = "memory")
    private String memory;
    @XmlAttribute(name = "unit")
    private String unit;

    public String memory() {
        return memory;
    }

    public String unit() {
        return unit;
    }
}
