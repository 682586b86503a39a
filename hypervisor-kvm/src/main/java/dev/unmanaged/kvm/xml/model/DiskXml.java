package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <disk type=... device=...>}. */
public class DiskXml {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "device")
    private String device;
    @XmlElement(name = "driver")
    private DriverXml driver;
    @XmlElement(name = "source")
    private DiskSourceXml source;
    @XmlElement(name = "target")
    private TargetXml target;
    @XmlElement(name = "serial")
    private String serial;
    @XmlElement(name = "readonly")
    private PresenceXml readonly;
    @XmlElement(name = "shareable")
    private PresenceXml shareable;
    @XmlElement(name = "boot")
    private BootOrderXml boot;
    @XmlElement(name = "backingStore")
    private BackingStoreXml backingStore;

    /** The {@code type} attribute as written, null when absent (libvirt then means {@code file}). */
    public String type() {
        return type;
    }

    /** The {@code device} attribute as written, null when absent (libvirt then means {@code disk}). */
    public String device() {
        return device;
    }

    public DriverXml driver() {
        return driver;
    }

    /** The {@code <source>} element as written; null for an empty drive (no {@code <source>}). */
    public DiskSourceXml source() {
        return source;
    }

    public TargetXml target() {
        return target;
    }

    public String serial() {
        return serial;
    }

    public boolean readOnly() {
        return readonly != null;
    }

    public boolean shareable() {
        return shareable != null;
    }

    public BootOrderXml boot() {
        return boot;
    }

    /** The first layer of the backing chain as the live definition shows it; null when the document has none. */
    public BackingStoreXml backingStore() {
        return backingStore;
    }
}
