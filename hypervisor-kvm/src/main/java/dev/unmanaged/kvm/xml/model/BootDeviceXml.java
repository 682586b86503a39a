package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <os><boot dev='hd'/></os>}. */
public class BootDeviceXml {
    @XmlAttribute(name = "dev")
    private String dev;

    public String dev() {
        return dev;
    }
}
