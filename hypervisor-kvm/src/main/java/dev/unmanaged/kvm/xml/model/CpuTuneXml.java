package dev.unmanaged.kvm.xml.model;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code <cputune>}: shares, period and quota as written. */
public class CpuTuneXml {
    @XmlElement(name = "shares")
    private String shares;
    @XmlElement(name = "period")
    private String period;
    @XmlElement(name = "quota")
    private String quota;

    public String shares() {
        return shares;
    }

    public String period() {
        return period;
    }

    public String quota() {
        return quota;
    }
}
