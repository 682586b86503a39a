package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <cpu><model fallback='allow'>Skylake-Client</model></cpu>}. */
public class CpuModelXml {
    @XmlAttribute(name = "fallback")
    private String fallback;
    @XmlValue
    private String name;

    public String fallback() {
        return fallback;
    }

    public String name() {
        return name;
    }
}
