package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <loader readonly='yes' secure='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>}. */
public class LoaderXml {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "secure")
    private String secure;
    @XmlValue
    private String path;

    public String type() {
        return type;
    }

    public String secure() {
        return secure;
    }

    public String path() {
        return path;
    }
}
