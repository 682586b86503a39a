package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** {@code <vcpus>}: the per-vCPU states of a domain with vCPU hot-plug. */
public class VcpuListXml {
    @XmlElement(name = "vcpu")
    private List<VcpuStateXml> vcpus = new ArrayList<>();

    public List<VcpuStateXml> vcpus() {
        return vcpus;
    }
}
