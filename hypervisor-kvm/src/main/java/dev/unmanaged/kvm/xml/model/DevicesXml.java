package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** {@code <devices>}: the disks, interfaces and graphics the mapping reads, in document order. */
public class DevicesXml {
    @XmlElement(name = "disk")
    private List<DiskXml> disks = new ArrayList<>();
    @XmlElement(name = "interface")
    private List<InterfaceXml> interfaces = new ArrayList<>();
    @XmlElement(name = "graphics")
    private List<GraphicsXml> graphics = new ArrayList<>();

    public List<DiskXml> disks() {
        return disks;
    }

    public List<InterfaceXml> interfaces() {
        return interfaces;
    }

    public List<GraphicsXml> graphics() {
        return graphics;
    }
}
