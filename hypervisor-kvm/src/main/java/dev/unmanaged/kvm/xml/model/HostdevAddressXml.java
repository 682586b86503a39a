package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A host device's {@code <address>}: PCI ({@code domain bus slot function}, bound through {@link PciAddressXml}), USB
 * ({@code bus device}), SCSI ({@code bus target unit}) or mediated ({@code uuid}).
 */
public class HostdevAddressXml extends PciAddressXml {
    @XmlAttribute(name = "device")
    private String device;
    @XmlAttribute(name = "target")
    private String target;
    @XmlAttribute(name = "unit")
    private String unit;
    @XmlAttribute(name = "uuid")
    private String uuid;

    public String device() {
        return device;
    }

    public String target() {
        return target;
    }

    public String unit() {
        return unit;
    }

    public String uuid() {
        return uuid;
    }
}
