package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <nvram template='/usr/share/OVMF/OVMF_VARS.fd'>/var/lib/libvirt/qemu/nvram/vm_VARS.fd</nvram>}. */
public class NvramXml {
    @XmlAttribute(name = "template")
    private String template;
    @XmlValue
    private String path;

    public String template() {
        return template;
    }

    /** The variable store's path as written; null or blank when the element names none. */
    public String path() {
        return path;
    }
}
