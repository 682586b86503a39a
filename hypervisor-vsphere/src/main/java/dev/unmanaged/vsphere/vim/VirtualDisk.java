package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlType;

/** A disk: its capacity and its backing. */
@XmlType(name = "VirtualDisk")
public class VirtualDisk extends VirtualDevice {
    public Long capacityInBytes;
    public Long capacityInKB;
    public Backing backing;
}
