package dev.unmanaged.vsphere.vim;

import jakarta.xml.bind.annotation.XmlType;

/** A CD-ROM drive: an ISO file, a host drive or nothing. */
@XmlType(name = "VirtualCdrom")
public class VirtualCdrom extends VirtualDevice {
    public Backing backing;
}
