package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** {@code <devices>}: the disks, interfaces, graphics, host devices and TPMs the mapping reads, in document order. */
public class DevicesXml {
    @XmlElement(name = "disk")
    private List<DiskXml> disks = new ArrayList<>();
    @XmlElement(name = "interface")
    private List<InterfaceXml> interfaces = new ArrayList<>();
    @XmlElement(name = "graphics")
    private List<GraphicsXml> graphics = new ArrayList<>();
    @XmlElement(name = "hostdev")
    private List<HostdevXml> hostdevs = new ArrayList<>();
    @XmlElement(name = "tpm")
    private List<TpmXml> tpms = new ArrayList<>();

    public List<DiskXml> disks() {
        return disks;
    }

    public List<InterfaceXml> interfaces() {
        return interfaces;
    }

    public List<GraphicsXml> graphics() {
        return graphics;
    }

    public List<HostdevXml> hostdevs() {
        return hostdevs;
    }

    public List<TpmXml> tpms() {
        return tpms;
    }
}
