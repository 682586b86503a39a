package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** {@code <os firmware=...>} with type, loader, variable store, firmware features and boot devices. */
public class OsXml {
    @XmlAttribute(name = "firmware")
    private String firmware;
    @XmlElement(name = "type")
    private OsTypeXml type;
    @XmlElement(name = "loader")
    private LoaderXml loader;
    @XmlElement(name = "nvram")
    private NvramXml nvram;
    @XmlElement(name = "firmware")
    private FirmwareXml firmwareFeatures;
    @XmlElement(name = "boot")
    private List<BootDeviceXml> boot = new ArrayList<>();

    public String firmware() {
        return firmware;
    }

    public OsTypeXml type() {
        return type;
    }

    public LoaderXml loader() {
        return loader;
    }

    public NvramXml nvram() {
        return nvram;
    }

    public FirmwareXml firmwareFeatures() {
        return firmwareFeatures;
    }

    public List<BootDeviceXml> boot() {
        return boot;
    }
}
