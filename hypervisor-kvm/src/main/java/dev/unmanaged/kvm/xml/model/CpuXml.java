package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <cpu mode=...>} with its model, topology and NUMA cells. */
public class CpuXml {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlElement(name = "model")
    private CpuModelXml model;
    @XmlElement(name = "topology")
    private TopologyXml topology;
    @XmlElement(name = "numa")
    private NumaXml numa;

    public String mode() {
        return mode;
    }

    public CpuModelXml model() {
        return model;
    }

    public TopologyXml topology() {
        return topology;
    }

    public NumaXml numa() {
        return numa;
    }
}
