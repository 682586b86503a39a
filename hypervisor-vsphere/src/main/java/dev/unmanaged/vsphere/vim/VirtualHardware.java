package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** {@code config.hardware}: CPUs, memory and devices. */
@XmlType(name = "VirtualHardware")
public class VirtualHardware {
    public Integer numCPU;
    public Integer numCoresPerSocket;
    public Long memoryMB;
    @XmlElement(name = "device")
    public List<VirtualDevice> devices = new ArrayList<>();
}
