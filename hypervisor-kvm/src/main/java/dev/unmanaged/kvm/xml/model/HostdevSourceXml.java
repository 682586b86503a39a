package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlElement;

/**
 * A host device's {@code <source>}: a PCI, USB, SCSI or mediated device address, a USB vendor and product, a SCSI
 * adapter. {@code <auth>} and {@code <initiator>} of iSCSI sources are not bound.
 */
public class HostdevSourceXml {
    @XmlElement(name = "address")
    private HostdevAddressXml address;
    @XmlElement(name = "vendor")
    private IdXml vendor;
    @XmlElement(name = "product")
    private IdXml product;
    @XmlElement(name = "adapter")
    private NameXml adapter;

    public HostdevAddressXml address() {
        return address;
    }

    public IdXml vendor() {
        return vendor;
    }

    public IdXml product() {
        return product;
    }

    public NameXml adapter() {
        return adapter;
    }
}
