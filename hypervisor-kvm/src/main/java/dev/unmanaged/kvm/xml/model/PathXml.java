package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** An element whose mapped attribute is {@code path}: {@code <device path='/dev/tpm0'/>}. */
public class PathXml {
    @XmlAttribute(name = "path")
    private String path;

    public String path() {
        return path;
    }
}
