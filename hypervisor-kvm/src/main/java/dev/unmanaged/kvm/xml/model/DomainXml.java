package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

import java.util.ArrayList;
import java.util.List;

/**
 * The root {@code <domain>}. Elements that must appear once ({@code <name>}, {@code <uuid>}, {@code <memory>},
 * {@code <vcpu>}) are bound as lists so that a duplicate can be refused instead of one silently winning.
 */
@XmlRootElement(name = "domain")
public class DomainXml {
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "name")
    private List<String> names = new ArrayList<>();
    @XmlElement(name = "uuid")
    private List<String> uuids = new ArrayList<>();
    @XmlElement(name = "description")
    private String description;
    @XmlElement(name = "memory")
    private List<ScaledValueXml> memories = new ArrayList<>();
    @XmlElement(name = "currentMemory")
    private List<ScaledValueXml> currentMemories = new ArrayList<>();
    @XmlElement(name = "vcpu")
    private List<VcpuXml> vcpus = new ArrayList<>();
    @XmlElement(name = "vcpus")
    private VcpuListXml vcpuList;
    @XmlElement(name = "cpu")
    private CpuXml cpu;
    @XmlElement(name = "cputune")
    private CpuTuneXml cputune;
    @XmlElement(name = "os")
    private OsXml os;
    @XmlElement(name = "devices")
    private List<DevicesXml> devices = new ArrayList<>();

    public String type() {
        return type;
    }

    public List<String> names() {
        return names;
    }

    public List<String> uuids() {
        return uuids;
    }

    /** The free-text description (text and CDATA joined; markup inside it is ignored). */
    public String description() {
        return description;
    }

    public List<ScaledValueXml> memories() {
        return memories;
    }

    public List<ScaledValueXml> currentMemories() {
        return currentMemories;
    }

    public List<VcpuXml> vcpus() {
        return vcpus;
    }

    public VcpuListXml vcpuList() {
        return vcpuList;
    }

    public CpuXml cpu() {
        return cpu;
    }

    public CpuTuneXml cputune() {
        return cputune;
    }

    public OsXml os() {
        return os;
    }

    /** Every {@code <devices>} element; libvirt has one, but a second one must not hide its devices. */
    public List<DevicesXml> devices() {
        return devices;
    }
}
